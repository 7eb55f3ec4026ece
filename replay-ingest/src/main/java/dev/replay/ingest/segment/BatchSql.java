package dev.replay.ingest.segment;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.postgresql.PGStatement;

/**
 * What the group commit's statements share: each binds one array per column, so that one
 * execution writes the rows of a whole batch.
 */
final class BatchSql {

	private BatchSql() {
	}

	/**
	 * One value of each row, as an SQL array of the given element type.
	 * @param <T> the type of the rows
	 * @param connection the connection that creates the array
	 * @param type the element type
	 * @param rows the rows
	 * @param value the value of a row
	 * @return the array
	 * @throws SQLException if the driver cannot make it
	 */
	static <T> Array column(Connection connection, String type, List<T> rows, Function<T, ?> value)
			throws SQLException {
		Object[] values = new Object[rows.size()];
		for (int k = 0; k < values.length; k++) {
			values[k] = value.apply(rows.get(k));
		}
		return connection.createArrayOf(type, values);
	}

	/**
	 * What identifies a row by two values, for matching the rows a statement returned.
	 * @param first the first value
	 * @param second the second value
	 * @return the key
	 */
	static String key(Object first, Object second) {
		return first + "\u0000" + second;
	}

	/**
	 * SQL for the instant of a column of epoch milliseconds, exact to the millisecond.
	 * @param epochMillis the column
	 * @return the expression
	 */
	static String instant(String epochMillis) {
		return "'epoch'::timestamptz + " + epochMillis + " * interval '1 millisecond'";
	}

	/**
	 * Have a statement planned for its own values at each execution. PostgreSQL would
	 * keep the plan it made for a connection's first executions: made while the table was
	 * small, a sequential scan, it then read the whole table for every batch. Statements
	 * that look sessions up are planned for their own ids each time instead.
	 * @param statement the statement
	 * @throws SQLException if the driver fails
	 */
	static void planEachTime(PreparedStatement statement) throws SQLException {
		if (statement.isWrapperFor(PGStatement.class)) {
			statement.unwrap(PGStatement.class).setPrepareThreshold(0);
		}
	}

}

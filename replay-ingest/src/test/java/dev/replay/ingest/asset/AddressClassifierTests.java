package dev.replay.ingest.asset;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which addresses {@link AddressClassifier} takes for public, from a table that covers
 * each special range at its edges.
 */
class AddressClassifierTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0.0.0.0                 | UNSPECIFIED
			0.255.255.255           | UNSPECIFIED
			1.1.1.1                 | PUBLIC
			9.255.255.255           | PUBLIC
			10.0.0.0                | PRIVATE
			10.255.255.255          | PRIVATE
			11.0.0.0                | PUBLIC
			93.184.216.34           | PUBLIC
			100.63.255.255          | PUBLIC
			100.64.0.0              | SHARED
			100.127.255.255         | SHARED
			100.128.0.0             | PUBLIC
			126.255.255.255         | PUBLIC
			127.0.0.1               | LOOPBACK
			127.255.255.254         | LOOPBACK
			169.254.0.1             | LINK_LOCAL
			169.254.169.254         | LINK_LOCAL
			169.255.0.1             | PUBLIC
			172.15.255.255          | PUBLIC
			172.16.0.1              | PRIVATE
			172.31.255.255          | PRIVATE
			172.32.0.0              | PUBLIC
			192.0.0.170             | RESERVED
			192.0.2.1               | RESERVED
			192.88.99.1             | RESERVED
			192.167.255.255         | PUBLIC
			192.168.0.1             | PRIVATE
			192.168.255.255         | PRIVATE
			192.169.0.0             | PUBLIC
			198.18.0.1              | RESERVED
			198.19.255.255          | RESERVED
			198.20.0.0              | PUBLIC
			198.51.100.7            | RESERVED
			203.0.113.9             | RESERVED
			223.255.255.255         | PUBLIC
			224.0.0.1               | MULTICAST
			239.255.255.250         | MULTICAST
			240.0.0.1               | RESERVED
			255.255.255.255         | RESERVED
			::                      | UNSPECIFIED
			::1                     | LOOPBACK
			::2                     | RESERVED
			::127.0.0.1             | RESERVED
			64:ff9b::7f00:1         | LOOPBACK
			64:ff9b::a9fe:a9fe      | LINK_LOCAL
			64:ff9b::5db8:d822      | PUBLIC
			64:ff9b:1::1            | PRIVATE
			100::1                  | RESERVED
			2001::1                 | RESERVED
			2001:db8::1             | RESERVED
			2002:7f00:1::1          | LOOPBACK
			2002:a00:1::1           | PRIVATE
			2002:5db8:d822::1       | PUBLIC
			2606:4700:4700::1111    | PUBLIC
			2a00:1450:4001:80b::200e | PUBLIC
			3fff::1                 | RESERVED
			4000::1                 | RESERVED
			fc00::1                 | PRIVATE
			fd12:3456:789a::1       | PRIVATE
			fe80::1                 | LINK_LOCAL
			febf:ffff::1            | LINK_LOCAL
			fec0::1                 | PRIVATE
			ff02::1                 | MULTICAST
			""")
	void classifies(String literal, AddressKind kind) throws UnknownHostException {
		// literals only: never looked up
		assertThat(AddressClassifier.classify(InetAddress.getByName(literal))).isEqualTo(kind);
	}

	@ParameterizedTest(name = "::ffff:{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1       | LOOPBACK
			10.1.2.3        | PRIVATE
			169.254.169.254 | LINK_LOCAL
			0.0.0.0         | UNSPECIFIED
			93.184.216.34   | PUBLIC
			""")
	void classifiesIpv4MappedAddressesKeptAsIpv6ByTheirIpv4Address(String ipv4, AddressKind kind)
			throws UnknownHostException {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
		InetAddress mapped = Inet6Address.getByAddress(null, bytes, null);
		assertThat(mapped).isInstanceOf(Inet6Address.class);
		assertThat(AddressClassifier.classify(mapped)).isEqualTo(kind);
	}

}

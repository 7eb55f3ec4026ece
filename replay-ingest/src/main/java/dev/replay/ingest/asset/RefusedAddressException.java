package dev.replay.ingest.asset;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Thrown by {@link CheckedDnsResolver} instead of answering with an address that is not
 * to be connected to, so that no connection is made.
 */
final class RefusedAddressException extends UnknownHostException {

	private static final long serialVersionUID = 1L;

	private final String host;

	private final String address;

	private final AddressKind kind;

	RefusedAddressException(String host, InetAddress address, AddressKind kind) {
		super(host + " resolves to " + address.getHostAddress() + ", " + kind.description());
		this.host = host;
		this.address = address.getHostAddress();
		this.kind = kind;
	}

	String host() {
		return this.host;
	}

	String address() {
		return this.address;
	}

	AddressKind kind() {
		return this.kind;
	}

}

package dev.replay.ingest.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket of an S3-compatible store, through the AWS SDK's client: whole objects
 * written, byte ranges read, objects listed and deleted. Every failure of the store
 * becomes a {@link StorageUnavailableException}.
 */
class ObjectStore {

	// the most keys one delete request may name
	private static final int DELETE_BATCH = 1000;

	private final S3Client client;

	private final String bucket;

	ObjectStore(S3Client client, String bucket) {
		this.client = client;
		this.bucket = bucket;
	}

	void close() {
		this.client.close();
	}

	String bucket() {
		return this.bucket;
	}

	/**
	 * Create the bucket unless it exists.
	 * @return whether it was created
	 */
	boolean ensureBucket() {
		try {
			this.client.headBucket((head) -> head.bucket(this.bucket));
			return false;
		}
		catch (S3Exception ex) {
			// NoSuchBucketException, or a bare 404 from stores that answer HEAD so
			if (!(ex instanceof NoSuchBucketException) && ex.statusCode() != 404) {
				throw ex;
			}
			this.client.createBucket((create) -> create.bucket(this.bucket));
			return true;
		}
	}

	void put(String key, byte[] bytes) {
		try {
			this.client.putObject((put) -> put.bucket(this.bucket).key(key).contentLength((long) bytes.length),
					RequestBody.fromBytes(bytes));
		}
		catch (SdkException ex) {
			throw new StorageUnavailableException("The object store did not take " + key + ": " + ex.getMessage(), ex);
		}
	}

	byte[] read(String key, long offset, int length) {
		try {
			byte[] bytes = this.client.getObjectAsBytes(
					(get) -> get.bucket(this.bucket).key(key).range("bytes=" + offset + "-" + (offset + length - 1)))
				.asByteArray();
			if (bytes.length != length) {
				throw new StorageCorruptedException("The object store returned " + bytes.length + " bytes of " + key
						+ " from " + offset + " where " + length + " were asked for");
			}
			return bytes;
		}
		catch (SdkException ex) {
			throw new StorageUnavailableException("The object store did not return " + key + ": " + ex.getMessage(),
					ex);
		}
	}

	void delete(List<String> keys) {
		try {
			for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
				List<ObjectIdentifier> batch = new ArrayList<>();
				for (String key : keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))) {
					batch.add(ObjectIdentifier.builder().key(key).build());
				}
				this.client.deleteObjects((delete) -> delete.bucket(this.bucket)
					.delete(Delete.builder().objects(batch).quiet(true).build()));
			}
		}
		catch (SdkException ex) {
			throw new StorageUnavailableException("The object store did not delete objects: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Pass every object of the bucket whose key starts with a prefix to a consumer.
	 * @param prefix the prefix
	 * @param consumer takes each object's key and when it was last written
	 */
	void list(String prefix, Consumer<Listed> consumer) {
		try {
			ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(this.bucket).prefix(prefix).build();
			for (S3Object object : this.client.listObjectsV2Paginator(request).contents()) {
				consumer.accept(new Listed(object.key(), object.lastModified(), object.size()));
			}
		}
		catch (SdkException ex) {
			throw new StorageUnavailableException("The object store did not list " + prefix + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * An object found by a listing.
	 *
	 * @param key its key
	 * @param lastModified when it was written
	 * @param size its size in bytes
	 */
	record Listed(String key, Instant lastModified, long size) {

	}

}

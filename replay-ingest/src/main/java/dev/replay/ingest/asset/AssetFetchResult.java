package dev.replay.ingest.asset;

/**
 * What fetching an asset gave: its bytes ({@link FetchedAsset}), a permanent refusal that
 * asking again will not change ({@link FetchRefusal}), or a failure that may pass
 * ({@link FetchFailure}).
 */
public sealed interface AssetFetchResult permits FetchedAsset, FetchRefusal, FetchFailure {

}

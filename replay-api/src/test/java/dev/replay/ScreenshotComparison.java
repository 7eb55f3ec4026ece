package dev.replay;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;

/**
 * Compares a replay with a screenshot of the original page: both are scaled down to the
 * same small size by area averaging, which evens out anti-aliasing and resampling, and
 * the measure is the share of pixels whose colour differs by more than a threshold in any
 * channel.
 */
public final class ScreenshotComparison {

	/** Width both images are reduced to before comparing. */
	public static final int WIDTH = 320;

	/** A pixel differs when a channel differs by more than this (of 255). */
	public static final int CHANNEL_THRESHOLD = 48;

	private ScreenshotComparison() {
	}

	/**
	 * The share of differing pixels.
	 * @param original the screenshot of the original page
	 * @param replay the replayed page
	 * @return from 0 (same) to 1 (every pixel differs)
	 */
	public static double differingShare(BufferedImage original, BufferedImage replay) {
		int height = Math.max(1, Math.round((float) original.getHeight() * WIDTH / original.getWidth()));
		BufferedImage a = reduce(original, height);
		BufferedImage b = reduce(replay, height);
		int differing = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < WIDTH; x++) {
				if (differs(a.getRGB(x, y), b.getRGB(x, y))) {
					differing++;
				}
			}
		}
		return (double) differing / (WIDTH * height);
	}

	private static boolean differs(int p, int q) {
		for (int shift = 0; shift <= 16; shift += 8) {
			if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > CHANNEL_THRESHOLD) {
				return true;
			}
		}
		return false;
	}

	private static BufferedImage reduce(BufferedImage image, int height) {
		Image scaled = image.getScaledInstance(WIDTH, height, Image.SCALE_AREA_AVERAGING);
		BufferedImage reduced = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = reduced.createGraphics();
		graphics.drawImage(scaled, 0, 0, null);
		graphics.dispose();
		return reduced;
	}

}

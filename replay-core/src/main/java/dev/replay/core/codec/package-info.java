/**
 * Reading and writing the wire formats of recordings; the only package that uses Jackson.
 */
@NullMarked
package dev.replay.core.codec;

import org.jspecify.annotations.NullMarked;

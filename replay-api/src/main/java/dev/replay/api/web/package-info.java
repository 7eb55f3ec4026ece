/**
 * Web glue shared by every feature: problem details and error handling.
 */
@NullMarked
package dev.replay.api.web;

import org.jspecify.annotations.NullMarked;

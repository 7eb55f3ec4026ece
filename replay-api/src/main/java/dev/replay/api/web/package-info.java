/**
 * Web glue shared by every feature: problem details and error handling.
 */
@NullMarked
@ApplicationModule(displayName = "API web")
package dev.replay.api.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

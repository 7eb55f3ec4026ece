/**
 * Who may do what: users, HTTP Basic, the filter chains and problem answers for 401 and
 * 403.
 */
@NullMarked
@ApplicationModule(displayName = "API security")
package dev.replay.api.security;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

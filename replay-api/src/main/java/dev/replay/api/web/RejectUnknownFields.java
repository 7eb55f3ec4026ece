package dev.replay.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;

/**
 * Marks a request body type whose unknown fields are refused (400 {@code bad-request})
 * instead of ignored. Jackson ignores unknown fields by default, and Replay keeps that
 * for most bodies (Datadog's clients send fields we have no use for); a body where a
 * field misspelt or meant for a newer server would silently weaken what the caller asked
 * for (for example an API token's expiry or scope) carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@NamedInterface("api")
public @interface RejectUnknownFields {

}

package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The unbounded queues and executors created inside the annotated declaration are bounded by something
 * outside the code, and {@link #value} says what.
 *
 * <p>Silences Deadbolt's {@code UnboundedQueue} and {@code UnboundedExecutor} findings in the field,
 * local variable, method, constructor or class it marks, like {@code @SuppressWarnings} does, but
 * leaves the reason next to the buffer for the next reader:
 *
 * <pre>{@code
 * @BoundedBy("the ingress rate limiter admits at most 200 requests per second")
 * private final BlockingQueue<Request> pending = new LinkedBlockingQueue<>();
 * }</pre>
 *
 * <p>The reason is required; an empty or blank one does not suppress anything and is itself reported
 * ({@code BoundedByWithoutReason}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.TYPE,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.CONSTRUCTOR,
  ElementType.LOCAL_VARIABLE
})
public @interface BoundedBy {
  /** What keeps the buffer small, e.g. {@code "the upstream rate limiter (200 rps)"}. Not empty. */
  String value();
}

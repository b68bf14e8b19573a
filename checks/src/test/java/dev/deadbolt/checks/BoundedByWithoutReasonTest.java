package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class BoundedByWithoutReasonTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BoundedByWithoutReason.class, getClass());

  @Test
  public void emptyOrBlankReasons() {
    helper
        .addSourceLines(
            "Relay.java",
            """
            import dev.deadbolt.annotations.BoundedBy;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            // BUG: Diagnostic contains: This @BoundedBy has an empty reason, so it suppresses nothing
            @BoundedBy("")
            class Relay {
              static final String TBD = " ";

              // BUG: Diagnostic contains: empty reason
              @BoundedBy("   ")
              BlockingQueue<String> a = new LinkedBlockingQueue<>();

              // BUG: Diagnostic contains: empty reason
              @BoundedBy(value = "")
              BlockingQueue<String> b() {
                return new LinkedBlockingQueue<>();
              }

              // BUG: Diagnostic contains: empty reason
              @BoundedBy(TBD)
              BlockingQueue<String> c = new LinkedBlockingQueue<>();

              void local() {
                // BUG: Diagnostic contains: empty reason
                @dev.deadbolt.annotations.BoundedBy("\\t")
                BlockingQueue<String> d = new LinkedBlockingQueue<>();
                d.clear();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reasonsAndOtherAnnotations() {
    helper
        .addSourceLines(
            "BoundedBy.java",
            """
            package com.example;

            /** Another library's annotation with the same simple name is not Deadbolt's. */
            public @interface BoundedBy {
              String value() default "";
            }
            """)
        .addSourceLines(
            "Gateway.java",
            """
            import dev.deadbolt.annotations.BoundedBy;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            @BoundedBy("every request passes the ingress rate limiter first")
            class Gateway {
              static final String REASON = "one slot per shard; shards are fixed at startup";

              @BoundedBy(REASON)
              BlockingQueue<String> shards = new LinkedBlockingQueue<>();

              @com.example.BoundedBy
              BlockingQueue<String> other = new LinkedBlockingQueue<>();

              @Deprecated
              @SuppressWarnings("UnboundedQueue")
              BlockingQueue<String> legacy = new LinkedBlockingQueue<>();
            }
            """)
        .doTest();
  }

  @Test
  public void suppressWarningsSilencesIt() {
    helper
        .addSourceLines(
            "Legacy.java",
            """
            import dev.deadbolt.annotations.BoundedBy;

            @SuppressWarnings("BoundedByWithoutReason")
            class Legacy {
              @BoundedBy("")
              Object queue;
            }
            """)
        .doTest();
  }
}

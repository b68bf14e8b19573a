package com.acme;

import dev.deadbolt.annotations.BoundedBy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Findings suppressed on purpose, each with its reason. */
public class Poller {
  private final Object lock = new Object();

  @BoundedBy("the intake rate limiter admits at most 200 requests a second")
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

  @SuppressWarnings("BlockingCallUnderLock") // only this poller's thread ever takes the lock
  void poll() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
  }
}

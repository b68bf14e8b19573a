package com.acme.app;

import com.acme.lib.Throttle;

public final class Worker {
  private final Object lock = new Object();
  private final Throttle throttle = new Throttle();

  public void work() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
    throttle.pause();
  }
}

package com.acme;

import dev.deadbolt.annotations.BoundedBy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public class Intake {
  private final BlockingQueue<String> backlog = new LinkedBlockingQueue<>();

  @BoundedBy("the gateway admits at most 50 uploads at a time")
  private final BlockingQueue<String> uploads = new LinkedBlockingQueue<>();

  public synchronized void drain() throws InterruptedException {
    Thread.sleep(5);
    backlog.clear();
  }
}

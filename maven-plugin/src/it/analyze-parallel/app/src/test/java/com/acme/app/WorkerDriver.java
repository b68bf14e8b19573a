package com.acme.app;

final class WorkerDriver {
  private final Object lock = new Object();

  void drive(Worker worker) throws InterruptedException {
    synchronized (lock) {
      worker.work();
      Thread.sleep(10);
    }
  }
}

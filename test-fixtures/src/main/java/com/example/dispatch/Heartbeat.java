package com.example.dispatch;

/** Tells the coordinator every second that this dispatch node is alive. */
final class Heartbeat implements Runnable {
  interface Coordinator {
    void alive(String node);
  }

  private final Coordinator coordinator;
  private final String node;

  Heartbeat(Coordinator coordinator, String node) {
    this.coordinator = coordinator;
    this.node = node;
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      coordinator.alive(node);
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.interrupted();
      }
    }
  }
}

package com.example.orders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Orders waiting to be persisted, with a bounded backlog. */
final class OrderBook {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Deque<String> backlog = new ArrayDeque<>();
  private final PreparedQuery insert;
  private final OutputStream journal;

  OrderBook(PreparedQuery insert, OutputStream journal) {
    this.insert = insert;
    this.journal = journal;
  }

  /** Correct: awaiting the lock's own condition releases the lock while waiting. */
  void accept(String order) throws InterruptedException {
    lock.lock();
    try {
      while (backlog.size() >= 1000) {
        notFull.await(10, TimeUnit.MILLISECONDS);
      }
      backlog.add(order);
    } finally {
      lock.unlock();
    }
  }

  /** A bug: persists while holding the lock, so accept() stalls behind the database. */
  void flush() throws IOException {
    lock.lock();
    try {
      while (!backlog.isEmpty()) {
        backlog.poll();
        insert.executeUpdate();
      }
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Correct: formats in memory under the lock, writes the journal after releasing it. */
  void snapshot() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    lock.lock();
    try {
      for (String order : backlog) {
        bytes.write(order.getBytes());
      }
    } finally {
      lock.unlock();
    }
    journal.write(bytes.toByteArray());
  }

  /** Correct: never waits for the lock; if it is busy, the metrics skip a beat. */
  int sizeIfIdle() {
    if (!lock.tryLock()) {
      return -1;
    }
    try {
      return backlog.size();
    } finally {
      lock.unlock();
    }
  }
}

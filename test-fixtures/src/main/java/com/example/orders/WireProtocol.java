package com.example.orders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/** Talks to the database over a socket: every call is a network round trip. */
final class WireProtocol {
  private final DataInputStream in;
  private final DataOutputStream out;

  WireProtocol(Socket socket) throws IOException {
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  int execute(String sql) throws IOException {
    out.writeUTF(sql);
    return awaitResult();
  }

  private int awaitResult() throws IOException {
    return in.readInt();
  }
}

#!/usr/bin/env python3
# Slow-header clients against `tilshi serve`: N sockets send a request line, then one header line a second and never
# the blank line; prints how many the server closed within SECONDS. Usage: scripts/slow-clients.py PORT [N=200] [SECONDS=15]
import socket, sys, time
port = int(sys.argv[1]); n = int(sys.argv[2]) if len(sys.argv) > 2 else 200; secs = float(sys.argv[3]) if len(sys.argv) > 3 else 15
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n"); s.setblocking(False); socks.append(s)
start = time.time(); closed = set()
while time.time() - start < secs:
    for i, s in enumerate(socks):
        if i in closed: continue
        try:
            data = s.recv(100)
            if data == b"": closed.add(i); continue
        except BlockingIOError: pass
        except OSError: closed.add(i); continue
        try: s.send(b"X-a: b\r\n")
        except OSError: closed.add(i)
    time.sleep(1)
print(f"{n} slow-header sockets, after {secs:.0f} s: {len(closed)} closed by the server, {n-len(closed)} still held")

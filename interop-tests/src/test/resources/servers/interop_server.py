"""A test server on Python's http.server, as it comes.

usage: interop_server.py http10|idle GATEWAY_COMMAND GATEWAY_DONE THREDD_LIST THREDD_UNBIND

http10: HTTP/1.0, one answer per connection (the server closes after each).
idle:   HTTP/1.1 keep-alive, closing a connection idle for 0.5 s.
Prints its port, then answers POSTs with the fixed texts it was given (the Thredd ones echo the request's
WSID) and GET /__stats with what it has received, as JSON.
"""
import hashlib
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE, GATEWAY_COMMAND, GATEWAY_DONE, THREDD_LIST, THREDD_UNBIND = sys.argv[1:6]
LOCK = threading.Lock()
BODIES = {}
COUNTS = {"received": 0, "connectionsOpened": 0, "openConnections": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0" if MODE == "http10" else "HTTP/1.1"
    timeout = 0.5 if MODE == "idle" else None
    carried_call = False

    def log_message(self, format, *args):
        pass

    def finish(self):
        if self.carried_call:
            with LOCK:
                COUNTS["openConnections"] -= 1
        super().finish()

    def answer(self, content_type, text):
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        digest = hashlib.sha256(body).hexdigest()
        with LOCK:
            BODIES[digest] = BODIES.get(digest, 0) + 1
            COUNTS["received"] += 1
            if not self.carried_call:
                self.carried_call = True
                COUNTS["connectionsOpened"] += 1
                COUNTS["openConnections"] += 1
        text = body.decode("utf-8")
        if self.path.startswith("/tes/devicegtwapi/"):
            self.answer("application/json", GATEWAY_DONE if '"commandId"' in text else GATEWAY_COMMAND)
        else:
            wsid = re.search(r"<(?:\w+:)?WSID>(\d+)</", text)
            soap = THREDD_UNBIND if "Func>01<" in text else THREDD_LIST
            self.answer("application/soap+xml; charset=utf-8", soap.replace("${WSID}", wsid.group(1) if wsid else "0"))

    def do_GET(self):
        with LOCK:
            stats = dict(COUNTS, duplicates=sum(n - 1 for n in BODIES.values()))
        self.close_connection = True
        self.answer("application/json", json.dumps(stats))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()

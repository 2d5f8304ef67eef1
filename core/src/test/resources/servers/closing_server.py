"""An HTTP server from Python's standard library that closes connections the way real servers do.

Usage: python3 closing_server.py MODE
  http10      HTTP/1.0 as http.server comes: the connection is closed after each answer
  idle:SECS   HTTP/1.1 keep-alive, closing a connection idle for SECS seconds (as Apache's KeepAliveTimeout)
  close       HTTP/1.1 answers without "Connection: close", then the connection is closed
  keepalive   HTTP/1.1 keep-alive, connections kept until the client closes them

Prints "PORT n" once listening, then one line per event: "OPEN", "REQUEST <sha256 of method, path and body>",
"CLOSED". A POST with a SOAP body is answered with a Thredd result echoing its WSID, any other with a Device
Gateway answer.
"""
import hashlib
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE = sys.argv[1]
LOCK = threading.Lock()

SOAP = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
<Ws_Token_Device_ManagementResponse xmlns="http://www.globalprocessing.ae/HyperionWeb">
<Ws_Token_Device_ManagementResult><WSID>%s</WSID><IssCode>PMT</IssCode><ActionCode>000</ActionCode>
</Ws_Token_Device_ManagementResult></Ws_Token_Device_ManagementResponse></soap:Body></soap:Envelope>"""


def event(line):
    with LOCK:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0" if MODE == "http10" else "HTTP/1.1"
    timeout = float(MODE.split(":")[1]) if MODE.startswith("idle:") else None

    def setup(self):
        super().setup()
        event("OPEN")

    def log_message(self, fmt, *args):
        pass

    def answer(self, body):
        length = int(self.headers.get("Content-Length") or 0)
        request = self.rfile.read(length) if length else b""
        event("REQUEST " + hashlib.sha256(self.command.encode() + self.path.encode() + request).hexdigest())
        wsid = re.search(rb"<(?:\w+:)?WSID>(\d+)<", request)
        if wsid:
            payload, kind = (SOAP % wsid.group(1).decode()).encode(), "application/soap+xml; charset=utf-8"
        else:
            payload, kind = json.dumps(body).encode(), "application/json"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        if MODE == "close":
            self.close_connection = True

    def do_POST(self):
        self.answer({"statusCode": 0, "statusMessage": "OK", "commands": []})

    def do_GET(self):
        self.answer({"statusCode": 0, "statusMessage": "OK"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def shutdown_request(self, request):
        super().shutdown_request(request)
        event("CLOSED")


server = Server(("127.0.0.1", 0), Handler)
event("PORT %d" % server.server_address[1])
server.serve_forever()

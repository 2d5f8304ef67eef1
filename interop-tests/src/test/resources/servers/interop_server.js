// A test server on Node's http module, as it comes but for its keep-alive timeout (5 s by default).
// usage: node interop_server.js KEEP_ALIVE_MS GATEWAY_COMMAND GATEWAY_DONE THREDD_LIST THREDD_UNBIND
// Prints its port, then answers POSTs with the fixed texts it was given (the Thredd ones echo the request's
// WSID) and GET /__stats with what it has received, as JSON.
'use strict';
const http = require('http');
const crypto = require('crypto');

const [keepAliveMs, gatewayCommand, gatewayDone, threddList, threddUnbind] = process.argv.slice(2);
const bodies = new Map();
const callSockets = new Set();
let received = 0;
let connectionsOpened = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const answer = (contentType, text) => {
      const body = Buffer.from(text, 'utf8');
      res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
      res.end(body);
    };
    if (req.method === 'GET') {
      let duplicates = 0;
      for (const n of bodies.values()) duplicates += n - 1;
      res.shouldKeepAlive = false;
      answer('application/json', JSON.stringify({ received, duplicates, connectionsOpened,
        openConnections: callSockets.size }));
      return;
    }
    const body = Buffer.concat(chunks);
    const digest = crypto.createHash('sha256').update(body).digest('hex');
    bodies.set(digest, (bodies.get(digest) || 0) + 1);
    received++;
    const socket = req.socket;
    if (!socket.carriedCall) {
      socket.carriedCall = true;
      connectionsOpened++;
      callSockets.add(socket);
      socket.on('close', () => callSockets.delete(socket));
    }
    const text = body.toString('utf8');
    if (req.url.startsWith('/tes/devicegtwapi/')) {
      answer('application/json', text.includes('"commandId"') ? gatewayDone : gatewayCommand);
    } else {
      const wsid = /<(?:\w+:)?WSID>(\d+)<\//.exec(text);
      const soap = text.includes('Func>01<') ? threddUnbind : threddList;
      answer('application/soap+xml; charset=utf-8', soap.replace('${WSID}', wsid ? wsid[1] : '0'));
    }
  });
});
server.keepAliveTimeout = Number(keepAliveMs);
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

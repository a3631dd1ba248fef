// A JsSIP user agent in Node: registers over ws:// or wss:// and answers what jpbx sends it
// (JsSIP answers OPTIONS itself; an incoming INVITE is printed and declined with 486). Prints
// "registered" once the 200 arrives; un-registers and
// exits when its standard input closes, or after the given number of seconds.
// usage: node jssip-register.js <ws-url> <sip-uri> [seconds]
'use strict';
// JsSIP is a browser library: for an incoming INVITE it first checks that the page has WebRTC
// (window.RTCPeerConnection). Node has no WebRTC; this client declines every call before any
// media is set up, so an empty placeholder is enough to let JsSIP hand the INVITE to us.
globalThis.window = globalThis.window || {};
if (!globalThis.window.RTCPeerConnection) globalThis.window.RTCPeerConnection = function RTCPeerConnection() {};
const JsSIP = require('jssip');
const WebSocket = require('ws');

const [url, uri, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 60);

// JsSIP's Socket interface on the ws package (browsers have WebSocket built in; Node 20 does not)
class NodeSocket {
  constructor(address) {
    this.url = address;
    this.via_transport = address.startsWith('wss:') ? 'WSS' : 'WS';
    this.sip_uri = 'sip:' + new URL(address).host + ';transport=ws';
    this.ws = null;
  }
  connect() {
    // the tests' certificates are self-signed
    this.ws = new WebSocket(this.url, 'sip', { rejectUnauthorized: false });
    this.ws.on('open', () => this.onconnect());
    this.ws.on('close', (code, reason) => this.ondisconnect(false, code, String(reason)));
    this.ws.on('error', (e) => console.log('socket error ' + e.message));
    this.ws.on('message', (data, isBinary) => this.ondata(isBinary ? data : data.toString()));
  }
  disconnect() { if (this.ws) this.ws.close(); }
  send(message) {
    if (!this.isConnected()) return false;
    this.ws.send(message);
    return true;
  }
  isConnected() { return this.ws !== null && this.ws.readyState === WebSocket.OPEN; }
  isConnecting() { return this.ws !== null && this.ws.readyState === WebSocket.CONNECTING; }
}

const ua = new JsSIP.UA({
  sockets: [new NodeSocket(url)],
  uri: uri,
  register: true,
  register_expires: 120,
  session_timers: false,
  connection_recovery_min_interval: 60,
  connection_recovery_max_interval: 60,
});
ua.on('registered', () => console.log('registered ' + ua.contact.toString()));
ua.on('registrationFailed', (e) => { console.log('registrationFailed ' + e.cause); process.exit(1); });
ua.on('newRTCSession', (e) => {
  console.log('invite ' + e.request.method + ' ' + e.request.call_id);
  // no media stack in Node: an incoming call is declined busy (486)
  if (e.originator === 'remote') e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
});
ua.on('newMessage', (e) => console.log('message ' + e.request.method));

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  ua.stop();
  setTimeout(() => process.exit(code), 1000);
}
process.stdin.on('end', () => stop(0));
process.stdin.resume();
setTimeout(() => stop(0), seconds * 1000);
ua.start();

#!/usr/bin/env node
// A standard tus 1.0.0 server (@tus/server + @tus/file-store), to test tus clients against
// a third-party peer.   node serve-tus.mjs <port|0> <dir> [--stop-on-stdin-eof]
// Listens on 127.0.0.1 only, serves /files/, and prints one line "listening <port>" when ready.
// Stops on SIGTERM/SIGINT, and with --stop-on-stdin-eof when stdin closes (so a test JVM
// that dies takes it along).
import { createServer } from 'node:http'
import { FileStore } from '@tus/file-store'
import { Server } from '@tus/server'

const [portArg, dir, ...flags] = process.argv.slice(2)
if (portArg === undefined || !dir) {
  console.error('usage: serve-tus.mjs <port|0> <dir>')
  process.exit(2)
}
const tus = new Server({ path: '/files', datastore: new FileStore({ directory: dir }) })
const http = createServer((req, res) => tus.handle(req, res))
http.listen(Number(portArg), '127.0.0.1', () => {
  process.stdout.write(`listening ${http.address().port}\n`)
})
const stop = () => http.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
if (flags.includes('--stop-on-stdin-eof')) {
  process.stdin.on('end', stop)
  process.stdin.resume()
}

#!/usr/bin/env node
// A standard tus 1.0.0 server (@tus/server + @tus/file-store), to test tus clients against
// a third-party peer.   node serve-tus.mjs <port|0> <dir> [--path /files] [--stop-on-stdin-eof]
// Listens on 127.0.0.1 only, serves uploads under --path (default /files; the rekam sync-client's
// tus calls work under any path), and prints one line "listening <port>" when ready. @tus/file-store
// implements creation, creation-with-upload, creation-defer-length, termination and expiration;
// not checksum, so an Upload-Checksum header is ignored rather than verified.
// Stops on SIGTERM/SIGINT, and with --stop-on-stdin-eof when stdin closes (so a test JVM
// that dies takes it along).
import { createServer } from 'node:http'
import { FileStore } from '@tus/file-store'
import { Server } from '@tus/server'

const [portArg, dir, ...flags] = process.argv.slice(2)
if (portArg === undefined || !dir) {
  console.error('usage: serve-tus.mjs <port|0> <dir> [--path /files] [--stop-on-stdin-eof]')
  process.exit(2)
}
const pathAt = flags.indexOf('--path')
const path = pathAt >= 0 ? flags[pathAt + 1] : '/files'
const tus = new Server({ path, datastore: new FileStore({ directory: dir }) })
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

#!/usr/bin/env node
// Uploads <file> to a tus 1.0.0 endpoint with the unmodified tus-js-client, signing every
// request for the rekam central server (docs/sync-protocol.md §3) in onBeforeRequest.
//
//   node upload-with-tus-js-client.mjs <endpoint> <file> [key=value ...]
//
// Environment:
//   REKAM_STATION_ID, REKAM_STATION_KEY_PKCS8  station id and its Ed25519 private key
//                                               (PKCS#8 DER, base64); omit both for a plain tus server
//   TUS_CHUNK_SIZE        bytes per PATCH (default 65536)
//   TUS_URL_STORAGE       JSON file where tus-js-client keeps fingerprint -> upload URL,
//                         so a later run resumes (FileUrlStorage)
//   TUS_STOP_AFTER_CHUNKS abort the upload after this many PATCHes (simulated interruption); exit 3
//
// Prints one JSON object per line: every request/response pair ("exchange"), then
// "resuming" when a stored upload is found, and "interrupted", "success" or "error".
import { createReadStream } from 'node:fs'
import { FileUrlStorage, Upload } from 'tus-js-client'
import { privateKeyFromPkcs8Base64, signedHeaders } from './rekam-signing.mjs'

const [endpoint, file, ...metaArgs] = process.argv.slice(2)
if (!endpoint || !file) {
  console.error('usage: upload-with-tus-js-client.mjs <endpoint> <file> [key=value ...]')
  process.exit(2)
}
const metadata = Object.fromEntries(metaArgs.map((kv) => {
  const i = kv.indexOf('=')
  return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)]
}))
const stationId = process.env.REKAM_STATION_ID
const privateKey = process.env.REKAM_STATION_KEY_PKCS8 ? privateKeyFromPkcs8Base64(process.env.REKAM_STATION_KEY_PKCS8) : null
const chunkSize = Number(process.env.TUS_CHUNK_SIZE || 65536)
const stopAfter = process.env.TUS_STOP_AFTER_CHUNKS ? Number(process.env.TUS_STOP_AFTER_CHUNKS) : null
const urlStorage = process.env.TUS_URL_STORAGE ? new FileUrlStorage(process.env.TUS_URL_STORAGE) : undefined

const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n')
const HEADERS = ['Upload-Offset', 'Upload-Length', 'Location', 'Tus-Resumable', 'Cache-Control',
  'X-Rekam-Packet-Status', 'X-Rekam-Packet-Reason', 'X-Rekam-Packet-Sha256']

let patches = 0
const upload = new Upload(createReadStream(file), {
  endpoint,
  chunkSize,
  metadata,
  // Spread only when set: an explicit undefined would replace the default (no-op) storage.
  ...(urlStorage ? { urlStorage } : {}),
  // Failures must surface in the test, not be papered over by retries.
  retryDelays: null,
  storeFingerprintForResuming: urlStorage !== undefined,
  removeFingerprintOnSuccess: false,
  onBeforeRequest(req) {
    if (privateKey) {
      for (const [name, value] of Object.entries(signedHeaders({ method: req.getMethod(), url: req.getURL(), stationId, privateKey }))) {
        req.setHeader(name, value)
      }
    }
  },
  onAfterResponse(req, res) {
    const sent = {}
    for (const h of ['Upload-Offset', 'Upload-Length', 'Upload-Metadata', 'Content-Type', 'Tus-Resumable', 'Upload-Checksum']) {
      if (req.getHeader(h) !== undefined) sent[h] = String(req.getHeader(h))
    }
    const received = {}
    for (const h of HEADERS) {
      const v = res.getHeader(h)
      if (v !== undefined && v !== null) received[h] = String(v)
    }
    emit({ event: 'exchange', method: req.getMethod(), url: req.getURL(), sent, status: res.getStatus(), received })
  },
  onChunkComplete(size, accepted, total) {
    patches++
    emit({ event: 'chunk', size, accepted, total })
    if (stopAfter !== null && patches >= stopAfter && accepted < total) {
      // Like a station losing power: stop mid-upload; the URL stays in urlStorage.
      upload.abort(false).then(() => {
        emit({ event: 'interrupted', url: upload.url, accepted })
        process.exit(3)
      })
    }
  },
  onSuccess() {
    emit({ event: 'success', url: upload.url, patches })
  },
  onError(err) {
    emit({ event: 'error', message: String(err && err.message ? err.message : err) })
    process.exit(1)
  },
})

const previous = await upload.findPreviousUploads()
if (previous.length > 0) {
  emit({ event: 'resuming', url: previous[0].uploadUrl })
  upload.resumeFromPreviousUpload(previous[0])
}
upload.start()

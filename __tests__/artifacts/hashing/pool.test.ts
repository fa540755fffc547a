import { createHash } from 'node:crypto'
import { hashFiles } from '../../../src/artifacts/hashing/pool.js'
import { tempWorkspace, type TempWorkspace } from '../../helpers/workspace.js'

let ws: TempWorkspace
let large: string[] = []
beforeAll(async () => {
  ws = await tempWorkspace()
})
afterAll(() => ws.remove())

const digest = (algorithm: string, data: Buffer) =>
  createHash(algorithm).update(data).digest('hex')

describe('parallel streamed hashing', () => {
  it('gives every file its own digests, in job order, across threads', async () => {
    // Enough bytes in all that the work goes to worker threads.
    const contents = Array.from({ length: 9 }, (_, i) =>
      Buffer.alloc(4 * 1024 * 1024 + i * 7919, i + 1)
    )
    const paths = await Promise.all(
      contents.map((c, i) => ws.write(`f${i}.bin`, c))
    )
    large = paths

    const results = await hashFiles(
      paths.map(path => ({ path, algorithms: ['sha256', 'sha512'] })),
      { threads: 3, chunkSize: 16 * 1024 }
    )

    expect(results).toEqual(
      contents.map(c => ({
        bytes: c.length,
        digests: { sha256: digest('sha256', c), sha512: digest('sha512', c) }
      }))
    )
  })

  it('hashes a few small files on this thread with the same results', async () => {
    const data = Buffer.from('small artifact\n')
    const path = await ws.write('small.txt', data)
    const results = await hashFiles([
      { path, algorithms: ['sha256'] },
      { path, algorithms: ['sha512'] }
    ])
    expect(results).toEqual([
      { bytes: data.length, digests: { sha256: digest('sha256', data) } },
      { bytes: data.length, digests: { sha512: digest('sha512', data) } }
    ])
  })

  it('hashes an empty file', async () => {
    const path = await ws.write('empty', Buffer.alloc(0))
    const [result] = await hashFiles([{ path, algorithms: ['sha384'] }])
    expect(result).toEqual({
      bytes: 0,
      digests: { sha384: digest('sha384', Buffer.alloc(0)) }
    })
  })

  it('rejects with the file a worker thread cannot read', async () => {
    await expect(
      hashFiles(
        [...large, `${ws.root}/gone.bin`].map(path => ({
          path,
          algorithms: ['sha256']
        })),
        { threads: 2 }
      )
    ).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('gone.bin')
    })
  })

  it('rejects with the file that cannot be read', async () => {
    await expect(
      hashFiles([{ path: `${ws.root}/nope`, algorithms: ['sha256'] }])
    ).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('nope')
    })
  })
})

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# training-walk.py: workers taking a course's test at the same time, for
# scripts/bench-training (issue 16).  Each session (a "sid" cookie and its
# CSRF token, one per line of the sessions file: sid token) keeps one
# HTTP/1.1 keep-alive connection and takes the test of course N `rounds`
# times: POST .../courses/N/attempts (303, the draw), GET the attempt
# (200: its questions), POST the answers (303: scored, kept), GET the
# result (200).  Every answer is checked; a session with any other answer
# stops and counts as failed.  All sessions start together (asyncio, one
# process).  Prints one line of key=value figures: attempts, failed,
# requests, seconds, requests_per_s, and the p50, p99 and max latency in
# milliseconds, over all requests and per kind of request.
#
#   training-walk.py host port course sessions-file [rounds]
#
# A benchmark tool, not part of Karika.
import asyncio
import re
import sys
import time
from urllib.parse import quote

HOST, PORT, COURSE, SESSIONS = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 3
lat = {'start': [], 'page': [], 'submit': [], 'result': []}
done = {'attempts': 0, 'failed': 0, 'requests': 0}


async def request(r, w, method, path, cookie, body=None):
    head = f'{method} {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nCookie: {cookie}\r\n'
    if body is not None:
        data = body.encode()
        head += f'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(data)}\r\n'
    else:
        data = b''
    w.write((head + '\r\n').encode() + data)
    await w.drain()
    status_line = await r.readline()
    status = int(status_line.split()[1])
    length, location, chunked = 0, None, False
    while True:
        line = await r.readline()
        if line in (b'\r\n', b''):
            break
        k, _, v = line.decode('latin-1').partition(':')
        k = k.strip().lower()
        if k == 'content-length':
            length = int(v.strip())
        elif k == 'location':
            location = v.strip()
        elif k == 'transfer-encoding' and 'chunked' in v.lower():
            chunked = True
    if chunked:
        content = b''
        while True:
            size = int((await r.readline()).split(b';')[0], 16)
            if size == 0:
                while (await r.readline()) not in (b'\r\n', b''):
                    pass
                break
            content += await r.readexactly(size)
            await r.readline()
    else:
        content = await r.readexactly(length) if length else b''
    done['requests'] += 1
    return status, location, content.decode('utf-8', 'replace')


async def timed(kind, *args, **kw):
    t = time.monotonic()
    res = await request(*args, **kw)
    lat[kind].append((time.monotonic() - t) * 1000)
    return res


async def worker(sid, token):
    cookie = f'sid={sid}'
    r, w = await asyncio.open_connection(HOST, PORT)
    try:
        for _ in range(ROUNDS):
            st, loc, _ = await timed('start', r, w, 'POST', f'/registry/training/courses/{COURSE}/attempts', cookie, f'csrf={token}')
            if st != 303 or not loc:
                raise RuntimeError(f'start answered {st}')
            path = re.sub(r'^https?://[^/]+', '', loc)
            st, _, html = await timed('page', r, w, 'GET', path, cookie)
            if st != 200:
                raise RuntimeError(f'the attempt answered {st}')
            # The first option of every question (and of every matching
            # row): a worker who answers everything, right or wrong.
            answers, seen = [f'csrf={token}', 'go=submit'], set()
            for name, value in re.findall(r'<input type="(?:radio|checkbox)" id="[^"]*" name="(q\.[^"]+)" value="([^"]+)"', html):
                if name not in seen:
                    seen.add(name)
                    answers.append(f'{quote(name)}={quote(value)}')
            if len(seen) == 0:
                raise RuntimeError('the attempt shows no question')
            st, loc, _ = await timed('submit', r, w, 'POST', path, cookie, '&'.join(answers))
            if st != 303:
                raise RuntimeError(f'the answers answered {st}')
            st, _, html = await timed('result', r, w, 'GET', re.sub(r'^https?://[^/]+', '', loc), cookie)
            if st != 200:
                raise RuntimeError(f'the result answered {st}')
            done['attempts'] += 1
    except Exception as e:  # noqa: BLE001 - a benchmark counts, it does not stop
        done['failed'] += 1
        print(f'# session failed: {e}', file=sys.stderr)
    finally:
        w.close()


def pct(v, p):
    if not v:
        return 0.0
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p / 100))]


async def main():
    sessions = [line.split() for line in open(SESSIONS) if line.strip()]
    t = time.monotonic()
    await asyncio.gather(*(worker(s, k) for s, k in sessions))
    secs = time.monotonic() - t
    every = [x for v in lat.values() for x in v]
    out = [f'workers={len(sessions)}', f'attempts={done["attempts"]}', f'failed={done["failed"]}',
           f'requests={done["requests"]}', f'seconds={secs:.2f}',
           f'requests_per_s={done["requests"] / secs:.1f}',
           f'p50_ms={pct(every, 50):.1f}', f'p99_ms={pct(every, 99):.1f}', f'max_ms={max(every or [0]):.1f}']
    for k, v in lat.items():
        out.append(f'{k}_p99_ms={pct(v, 99):.1f}')
    print(' '.join(out))


asyncio.run(main())

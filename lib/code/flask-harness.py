"""Runs Flask apps exactly as the page shows them and reports what each sends (flask-code.run.test.ts).

stdin: a JSON list of runs: {source, headers}, the source a whole `app.py` defining `app` with a
`/stream` route, the headers those of the request (a reconnect's `Last-Event-ID`).
stdout: a JSON list, one {status, contentType, body (base64), sleeps} per source, in order.

The source runs unchanged. Only the clock is stood in for: `time.sleep` records its argument and
returns at once, so the test checks the sleep the code asks for without waiting for it (the
TypeScript side runs under fake timers for the same reason). Flask's test client drives the app
through WSGI, as a server would, with no socket.
"""
import base64
import json
import sys
import time


def run(source, headers):
    sleeps = []
    time.sleep = sleeps.append  # the shown code calls time.sleep(...) through the module
    namespace = {'__name__': 'app'}
    exec(compile(source, 'app.py', 'exec'), namespace)
    response = namespace['app'].test_client().get('/stream', headers=headers)
    body = response.get_data()  # runs the generator to its end, every yield and sleep
    return {
        'status': response.status_code,
        'contentType': response.headers.get('Content-Type'),
        'body': base64.b64encode(body).decode('ascii'),
        'sleeps': sleeps,
    }


json.dump([run(entry['source'], entry['headers']) for entry in json.load(sys.stdin)], sys.stdout)

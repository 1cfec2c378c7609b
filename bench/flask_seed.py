# The seed's Flask example, as a Flask user would write it, generalised only to read its three
# parameters from the query (same names and defaults as GET /api/stream; delay in milliseconds).
# The bench runs it with Debian's Flask:
#   /usr/bin/python3 -m flask --app bench/flask_seed.py run --host 127.0.0.1 --port 3602
# (`flask run` serves each request on its own thread.)
from flask import Flask, Response, request
import time

app = Flask(__name__)


@app.route('/stream')
def stream():
    n = request.args.get('n', 3, type=int)
    delay = request.args.get('delay', 1000, type=int) / 1000
    template = request.args.get('template', 'Message {i}')

    def event_stream():
        for i in range(n):
            yield f"data: {template.replace('{i}', str(i))}\n\n"
            time.sleep(delay)

    return Response(event_stream(), mimetype='text/event-stream')

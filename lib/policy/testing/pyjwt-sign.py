# Signs tokens with PyJWT for the agreement test: reads [{"alg", "key", "headers", "payload"}] as JSON on
# stdin and prints the tokens as a JSON array. Keys are PEM text or an HMAC secret.
import json
import sys

import jwt

out = []
for spec in json.load(sys.stdin):
    token = jwt.encode(spec["payload"], spec["key"], algorithm=spec["alg"], headers=spec["headers"])
    out.append(token if isinstance(token, str) else token.decode("ascii"))
print(json.dumps(out))

"""boto3 (a client nobody here wrote) against `cognito-kit serve`: the password flows, run by boto3.node.test.ts.

Usage: python3 boto3_flows.py '<plan JSON>'   (the secrets come from the environment, never argv)

The plan names the endpoint, the region and the pools, clients and users of the server's config:
  {"endpoint": "http://127.0.0.1:PORT", "region": "eu-west-2",
   "plain": {"pool": ..., "client": ..., "user": ...},                      # usernames, a client without a secret
   "email": {"pool": ..., "client": ..., "email": ..., "sub": ...},         # usernameAttributes email, a client secret
   "created": {"new_password": "newbie", "set_password": "sam"}}            # users AdminCreateUser creates
Environment: BOTO_PASSWORD, BOTO_WRONG_PASSWORD, BOTO_TEMPORARY_PASSWORD, BOTO_NEW_PASSWORD, BOTO_CLIENT_SECRET,
BOTO_WRONG_CLIENT_SECRET.

Prints one JSON object on stdout: {"versions": {...}, "cases": {name: {"ok": true, "response": {...}} or
{"ok": false, "error": {"code", "message", "status"}}}}. The test asserts what each case received (tokens included:
it decodes and verifies them); this script decides nothing.
"""
import base64
import hashlib
import hmac
import json
import os
import sys

import boto3
import botocore
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

plan = json.loads(sys.argv[1])
env = os.environ
PASSWORD = env["BOTO_PASSWORD"]
WRONG_PASSWORD = env["BOTO_WRONG_PASSWORD"]
TEMPORARY_PASSWORD = env["BOTO_TEMPORARY_PASSWORD"]
NEW_PASSWORD = env["BOTO_NEW_PASSWORD"]
CLIENT_SECRET = env["BOTO_CLIENT_SECRET"]
WRONG_CLIENT_SECRET = env["BOTO_WRONG_CLIENT_SECRET"]

# No retries: a refusal must reach the test as the pool sent it, once.
config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=10, read_timeout=30)
common = dict(endpoint_url=plan["endpoint"], region_name=plan["region"], config=config)
cognito = boto3.client(
    "cognito-idp", aws_access_key_id="AKIDLOCALPOOLEXAMPLE", aws_secret_access_key="local/pool/dummy/secret/key", **common
)
# The same client without SigV4: Admin* operations must be refused.
unsigned = boto3.client(
    "cognito-idp",
    endpoint_url=plan["endpoint"],
    region_name=plan["region"],
    config=config.merge(Config(signature_version=UNSIGNED)),
)


def secret_hash(username, client_id, secret):
    """Base64(HMAC-SHA256(secret, username + clientId)), as Cognito's docs give it."""
    digest = hmac.new(secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


cases = {}


def case(name, call):
    """Runs `call` and records what boto3 returned or raised."""
    try:
        response = call()
        response.pop("ResponseMetadata", None)
        cases[name] = {"ok": True, "response": response}
        return response
    except ClientError as error:
        cases[name] = {
            "ok": False,
            "error": {
                "code": error.response.get("Error", {}).get("Code"),
                "message": error.response.get("Error", {}).get("Message"),
                "status": error.response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
            },
        }
    except Exception as error:  # noqa: BLE001 - any other failure is recorded for the test to show
        cases[name] = {"ok": False, "error": {"code": type(error).__name__, "message": str(error), "status": None}}
    return None


def result_of(response, member="AuthenticationResult"):
    return (response or {}).get(member) or {}


plain, email, created = plan["plain"], plan["email"], plan["created"]

# ADMIN_USER_PASSWORD_AUTH: AdminInitiateAuth, SigV4-signed by botocore.
case(
    "admin_password",
    lambda: cognito.admin_initiate_auth(
        UserPoolId=plain["pool"],
        ClientId=plain["client"],
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": plain["user"], "PASSWORD": PASSWORD},
    ),
)
case(
    "admin_password_wrong",
    lambda: cognito.admin_initiate_auth(
        UserPoolId=plain["pool"],
        ClientId=plain["client"],
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": plain["user"], "PASSWORD": WRONG_PASSWORD},
    ),
)
case(
    "admin_unsigned",
    lambda: unsigned.admin_initiate_auth(
        UserPoolId=plain["pool"],
        ClientId=plain["client"],
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": plain["user"], "PASSWORD": PASSWORD},
    ),
)

# USER_PASSWORD_AUTH without a client secret.
case(
    "user_password",
    lambda: cognito.initiate_auth(
        ClientId=plain["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": plain["user"], "PASSWORD": PASSWORD}
    ),
)
case(
    "user_password_wrong",
    lambda: cognito.initiate_auth(
        ClientId=plain["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": plain["user"], "PASSWORD": WRONG_PASSWORD}
    ),
)

# USER_PASSWORD_AUTH with a client secret, signing in by e-mail: SECRET_HASH over the name sent.
signed_in = case(
    "secret_password",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": email["email"],
            "PASSWORD": PASSWORD,
            "SECRET_HASH": secret_hash(email["email"], email["client"], CLIENT_SECRET),
        },
    ),
)
case(
    "secret_wrong_hash",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": email["email"],
            "PASSWORD": PASSWORD,
            "SECRET_HASH": secret_hash(email["email"], email["client"], WRONG_CLIENT_SECRET),
        },
    ),
)
case(
    "secret_missing_hash",
    lambda: cognito.initiate_auth(
        ClientId=email["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": email["email"], "PASSWORD": PASSWORD}
    ),
)
case(
    "secret_wrong_password",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": email["email"],
            "PASSWORD": WRONG_PASSWORD,
            "SECRET_HASH": secret_hash(email["email"], email["client"], CLIENT_SECRET),
        },
    ),
)

tokens = result_of(signed_in)
access_token = tokens.get("AccessToken", "missing")
refresh_token = tokens.get("RefreshToken", "missing")

case("get_user", lambda: cognito.get_user(AccessToken=access_token))

# REFRESH_TOKEN_AUTH: SECRET_HASH over the real username (the sub, in a pool that signs in by e-mail).
case(
    "refresh",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": refresh_token, "SECRET_HASH": secret_hash(email["sub"], email["client"], CLIENT_SECRET)},
    ),
)
case(
    "refresh_hash_over_email",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": refresh_token, "SECRET_HASH": secret_hash(email["email"], email["client"], CLIENT_SECRET)},
    ),
)

# RevokeToken, then the refresh token (and the access tokens it issued) are refused.
case("revoke", lambda: cognito.revoke_token(Token=refresh_token, ClientId=email["client"], ClientSecret=CLIENT_SECRET))
case(
    "refresh_after_revoke",
    lambda: cognito.initiate_auth(
        ClientId=email["client"],
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": refresh_token, "SECRET_HASH": secret_hash(email["sub"], email["client"], CLIENT_SECRET)},
    ),
)
case("get_user_after_revoke", lambda: cognito.get_user(AccessToken=access_token))

# AdminCreateUser with a temporary password, then NEW_PASSWORD_REQUIRED answered with RespondToAuthChallenge.
newbie = created["new_password"]
case(
    "create_user",
    lambda: cognito.admin_create_user(
        UserPoolId=plain["pool"],
        Username=newbie,
        TemporaryPassword=TEMPORARY_PASSWORD,
        MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": newbie + "@example.com"}],
    ),
)
challenge = case(
    "temporary_password",
    lambda: cognito.initiate_auth(
        ClientId=plain["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": newbie, "PASSWORD": TEMPORARY_PASSWORD}
    ),
)
challenge_parameters = (challenge or {}).get("ChallengeParameters") or {}
case(
    "new_password",
    lambda: cognito.respond_to_auth_challenge(
        ClientId=plain["client"],
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=(challenge or {}).get("Session", "missing-session-0000000"),
        ChallengeResponses={"USERNAME": challenge_parameters.get("USER_ID_FOR_SRP", newbie), "NEW_PASSWORD": NEW_PASSWORD},
    ),
)
case("created_user_after", lambda: cognito.admin_get_user(UserPoolId=plain["pool"], Username=newbie))
case(
    "new_password_login",
    lambda: cognito.initiate_auth(
        ClientId=plain["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": newbie, "PASSWORD": NEW_PASSWORD}
    ),
)
case(
    "temporary_password_after",
    lambda: cognito.initiate_auth(
        ClientId=plain["client"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": newbie, "PASSWORD": TEMPORARY_PASSWORD}
    ),
)

# AdminCreateUser, then AdminSetUserPassword Permanent=True: the user signs in at once.
sam = created["set_password"]
case(
    "create_user_2",
    lambda: cognito.admin_create_user(UserPoolId=plain["pool"], Username=sam, TemporaryPassword=TEMPORARY_PASSWORD, MessageAction="SUPPRESS"),
)
case("set_password", lambda: cognito.admin_set_user_password(UserPoolId=plain["pool"], Username=sam, Password=PASSWORD, Permanent=True))
case(
    "set_password_login",
    lambda: cognito.admin_initiate_auth(
        UserPoolId=plain["pool"],
        ClientId=plain["client"],
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": sam, "PASSWORD": PASSWORD},
    ),
)

print(json.dumps({"versions": {"boto3": boto3.__version__, "botocore": botocore.__version__}, "cases": cases}, default=str))

/**
 * Cognito's refusals as the pool answers them: an exception name (the wire `__type`), Cognito's message and the HTTP
 * status (400 for every one Cognito sends, COGNITO-SERVER.md §2). Thrown inside the pool and turned into the error
 * reply by the endpoint; never seen by the pool's own caller.
 *
 * @module
 */

/** Coral's namespace, which the framework's errors (unknown operation, no signature, bad JSON) carry. */
const CORAL = 'com.amazon.coral.service#';

/** An error reply. */
export class CognitoError extends Error {
  /** The wire `__type`: a bare exception name, or Coral's namespaced one. */
  declare readonly type: string;
  declare readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.name = 'CognitoError';
    this.type = type;
    this.status = status;
  }

  /** The name without a namespace, as `x-amzn-ErrorType` carries it and clients read it. */
  get shortType(): string {
    return this.type.slice(this.type.indexOf('#') + 1);
  }
}

/** Cognito's messages, each from COGNITO-SERVER.md §2 unless noted. */
export const MESSAGES = {
  incorrect: 'Incorrect username or password.',
  userNotFound: 'User does not exist.',
  userNotConfirmed: 'User is not confirmed.',
  passwordResetRequired: 'Password reset required for the user',
  /** Widely quoted (Amplify and apps match on it); not in COGNITO-SERVER.md. */
  userDisabled: 'User is disabled.',
  /** Widely quoted; not in COGNITO-SERVER.md. */
  temporaryPasswordExpired: 'Temporary password has expired and must be reset by an administrator.',
  invalidSession: 'Invalid session for the user.',
  sessionExpired: 'Invalid session for the user, session is expired.',
  invalidRefreshToken: 'Invalid Refresh Token.',
  revokedRefreshToken: 'Refresh Token has been revoked',
  /** Cognito's answer since January 2022 for another client's refresh token (aws/aws-sdk-js#4016). */
  refreshTokenOtherClient: 'Refresh Token has different Client',
  /** Widely quoted; not in COGNITO-SERVER.md. */
  expiredRefreshToken: 'Refresh Token has expired',
  /** Widely quoted (amazon-cognito-identity-js and Amplify match on it). */
  invalidAccessToken: 'Invalid Access Token',
  /** Widely quoted; not in COGNITO-SERVER.md. */
  expiredAccessToken: 'Access Token has expired',
  revokedAccessToken: 'Access Token has been revoked',
  initiateAuthNotSupported: 'Initiate Auth method not supported.',
  adminFlowNotEnabled: 'Auth flow not enabled for this client',
  /** Cognito's answer when no custom-auth Lambda trigger is set (aws-amplify/amplify-js#5623), and why here. */
  customAuth: 'Custom auth lambda trigger is not configured for the user pool. (The local user pool runs no Lambda triggers, so CUSTOM_AUTH cannot be emulated.)',
  invalidDeviceKey: 'Invalid device key given.',
  /** SMS and e-mail codes (aws-amplify/amplify-js#11069). */
  codeMismatch: 'Invalid code or auth state for the user.',
  /** TOTP codes: the string Amplify and apps match on. */
  totpMismatch: 'Invalid code received for user',
  /** VerifySoftwareToken (aws-samples/aws-amplify-auth-starters#15). */
  totpSetupMismatch: 'Code mismatch and fail enable Software Token MFA',
  userExists: 'User account already exists',
} as const;

/** NotAuthorizedException with `message`. */
export const notAuthorized = (message: string): CognitoError => new CognitoError('NotAuthorizedException', message);
/** InvalidParameterException with `message`. */
export const invalidParameter = (message: string): CognitoError => new CognitoError('InvalidParameterException', message);
/** Cognito's message for a missing AuthParameters / ChallengeResponses key: `Missing required parameter SRP_A`. */
export const missingParameter = (name: string): CognitoError => invalidParameter(`Missing required parameter ${name}`);
/** ResourceNotFoundException with `message`. */
export const resourceNotFound = (message: string): CognitoError => new CognitoError('ResourceNotFoundException', message);
/** UserNotFoundException "User does not exist.". */
export const userNotFound = (): CognitoError => new CognitoError('UserNotFoundException', MESSAGES.userNotFound);
/** CodeMismatchException with `message`. */
export const codeMismatch = (message: string): CognitoError => new CognitoError('CodeMismatchException', message);
/** A framework error, with Coral's namespace (as DynamoDB sends them; Cognito's own bodies were not found). */
export const coral = (type: string, message: string): CognitoError => new CognitoError(CORAL + type, message);

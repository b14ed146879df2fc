import { oidcCore, rfc } from './specs';
import type { ClaimInfo, ClaimDisplay, ClaimValueType } from './types';

const ID_TOKEN = oidcCore('2', 'IDToken');
const STANDARD = oidcCore('5.1', 'StandardClaims');

function profile(
  name: string,
  title: string,
  description: string,
  valueType: ClaimValueType = 'string',
  display: ClaimDisplay = 'string',
): ClaimInfo {
  return { name, title, description, spec: STANDARD, valueType, display };
}

/** OpenID Connect ID token claims (Core §2) and the standard profile claims (Core §5.1). */
export const OIDC_CLAIMS: readonly ClaimInfo[] = [
  {
    name: 'auth_time',
    title: 'Authentication time',
    description:
      'When the user last actually signed in (entered a password, used a passkey...). It can be much older than "iat" when a session is reused.',
    spec: ID_TOKEN,
    valueType: 'NumericDate',
    display: 'time',
  },
  {
    name: 'nonce',
    title: 'Nonce',
    description:
      'A random value the client sent in its sign-in request and checks here, so an old ID token cannot be replayed. In a DPoP proof it is the nonce the server asked for.',
    spec: ID_TOKEN,
    seeAlso: [rfc(9449, '4.2')],
    valueType: 'string',
    display: 'string',
  },
  {
    name: 'acr',
    title: 'Authentication context class',
    description:
      'How strong the sign-in was, as a value agreed with the identity provider (for example a level of assurance).',
    spec: ID_TOKEN,
    valueType: 'string',
    display: 'string',
  },
  {
    name: 'amr',
    title: 'Authentication methods',
    description:
      'How the user signed in, such as "pwd" (password), "otp", "mfa" or "hwk" (hardware key). Values are listed in RFC 8176.',
    spec: ID_TOKEN,
    seeAlso: [rfc(8176, '2')],
    valueType: 'string[]',
    display: 'list',
  },
  {
    name: 'azp',
    title: 'Authorized party',
    description: 'The client the ID token was issued to, needed when "aud" lists several audiences.',
    spec: ID_TOKEN,
    valueType: 'string',
    display: 'string',
  },
  {
    name: 'at_hash',
    title: 'Access token hash',
    description:
      'The left half of a hash of the access token issued alongside this ID token, so the client can check the two belong together.',
    spec: oidcCore('3.1.3.6', 'CodeIDToken'),
    valueType: 'string',
    display: 'string',
  },
  {
    name: 'c_hash',
    title: 'Code hash',
    description:
      'The left half of a hash of the authorization code issued alongside this ID token (hybrid flow).',
    spec: oidcCore('3.3.2.11', 'HybridIDToken'),
    valueType: 'string',
    display: 'string',
  },
  {
    name: 'sub_jwk',
    title: 'Subject public key',
    description: 'In a self-issued ID token: the public key that signed it.',
    spec: oidcCore('7.4', 'SelfIssuedResponse'),
    valueType: 'JWK',
    display: 'object',
  },
  profile('name', 'Full name', "The user's full name, ready to display."),
  profile('given_name', 'Given name', "The user's given (first) name or names."),
  profile('family_name', 'Family name', "The user's surname or last name."),
  profile('middle_name', 'Middle name', "The user's middle name or names."),
  profile('nickname', 'Nickname', 'A casual name the user goes by.'),
  profile(
    'preferred_username',
    'Preferred username',
    'The name the user likes to be called, such as a login name. It is not unique and may change: never use it as a key; use "sub".',
  ),
  profile('profile', 'Profile page', "A URL of the user's profile page.", 'string', 'url'),
  profile('picture', 'Picture', "A URL of the user's profile picture.", 'string', 'url'),
  profile('website', 'Website', "A URL of the user's web page or blog.", 'string', 'url'),
  profile(
    'email',
    'Email',
    'The user\'s preferred email address. Check "email_verified" before trusting it.',
  ),
  profile(
    'email_verified',
    'Email verified',
    'True when the identity provider checked that the user controls this email address.',
    'boolean',
    'boolean',
  ),
  profile('gender', 'Gender', "The user's gender, as they declared it."),
  profile('birthdate', 'Birthdate', "The user's date of birth, as YYYY-MM-DD (or YYYY alone)."),
  profile('zoneinfo', 'Time zone', 'The user\'s time zone, such as "Europe/Paris".'),
  profile('locale', 'Locale', 'The user\'s language and region, such as "en-US".'),
  profile('phone_number', 'Phone number', "The user's preferred phone number."),
  profile(
    'phone_number_verified',
    'Phone number verified',
    'True when the identity provider checked that the user controls this phone number.',
    'boolean',
    'boolean',
  ),
  profile(
    'address',
    'Address',
    "The user's postal address, as an object (street_address, locality, postal_code, country...).",
    'object',
    'object',
  ),
  profile(
    'updated_at',
    'Profile updated at',
    "When the user's profile information last changed, in seconds since 1970.",
    'NumericDate',
    'time',
  ),
];

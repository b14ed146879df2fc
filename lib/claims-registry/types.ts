/** The shapes of the claim, header-parameter and algorithm tables. Data only, no logic. */

/** How the UI should show a value: a time gets raw/ISO/local/relative, a list gets chips, and so on. */
export type ClaimDisplay = 'time' | 'list' | 'url' | 'object' | 'string' | 'boolean' | 'number';

/** The JSON type a specification asks for, in the words the specifications use. */
export type ClaimValueType =
  | 'NumericDate'
  | 'StringOrURI'
  | 'string'
  | 'number'
  | 'boolean'
  | 'object'
  | 'string[]'
  | 'string or string[]'
  | 'array'
  | 'JWK'
  | 'any';

export type Vendor =
  'Microsoft Entra ID' | 'Auth0' | 'Okta' | 'Keycloak' | 'AWS Cognito' | 'Google' | 'Firebase';

/** A specification (or vendor document) and a link to the section that defines the item. */
export interface SpecRef {
  name: string;
  url: string;
}

export interface ClaimInfo {
  /** The claim name, or a dotted path inside a nested claim (`realm_access.roles`, `cnf.jkt`). */
  name: string;
  /** A short label such as "Expiration time". */
  title: string;
  /** What the claim means, in plain words. */
  description: string;
  spec: SpecRef;
  /** Other specifications that use or profile the same claim. */
  seeAlso?: readonly SpecRef[];
  valueType: ClaimValueType;
  display: ClaimDisplay;
  /** Set when only one identity provider uses the claim this way. */
  vendor?: Vendor;
}

/** A family of claim names, such as Auth0's namespaced claims `https://example.com/roles`. */
export interface ClaimPatternInfo extends Omit<ClaimInfo, 'name'> {
  /** A readable form of the pattern, e.g. `https://<namespace>/<claim>`. */
  name: string;
  pattern: RegExp;
}

export interface HeaderParameterInfo {
  name: string;
  title: string;
  description: string;
  spec: SpecRef;
  valueType: ClaimValueType;
  display: ClaimDisplay;
  /** Where the parameter is registered for use (IANA "Header Parameter Usage Location"). */
  usage: readonly ('JWS' | 'JWE')[];
}

export type AlgorithmUse = 'signature' | 'key-management' | 'content-encryption' | 'compression';

export interface AlgorithmInfo {
  /** The value of `alg`, `enc` or `zip`. */
  name: string;
  use: AlgorithmUse;
  description: string;
  spec: SpecRef;
  /** Our short advice: `avoid` for values that are broken or deprecated. */
  advice?: 'avoid';
}

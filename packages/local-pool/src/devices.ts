/**
 * The devices a pool remembers (COGNITO-SERVER.md §5): issued in NewDeviceMetadata, confirmed by ConfirmDevice with
 * their SRP verifier, then remembered at once or (DeviceOnlyRememberedOnUserPrompt) once UpdateDeviceStatus says so.
 *
 * @module
 */
import type { Randomness } from './random.js';

/** ConfirmDevice's DeviceSecretVerifierConfig, base64 as the client sent it. */
export interface DeviceVerifierConfig {
  readonly Salt: string;
  readonly PasswordVerifier: string;
}

/** A device of a user. */
export interface DeviceRecord {
  /** `<region>_<uuid>` (DeviceKeyType `[\w-]+_[0-9a-f-]+`). */
  readonly key: string;
  /** Hashed into the device's SRP in place of the pool name. */
  readonly groupKey: string;
  /** The `sub` of the user it belongs to. */
  readonly owner: string;
  /** Set by ConfirmDevice: the device can then prove itself with DEVICE_SRP_AUTH. */
  verifier: DeviceVerifierConfig | undefined;
  name: string | undefined;
  /** A remembered device replaces MFA; a confirmed one that is not remembered is asked after MFA. */
  remembered: boolean;
  readonly createdAt: Date;
  lastAuthenticatedAt: Date | undefined;
}

/** The devices of one pool. */
export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceRecord>();

  constructor(
    private readonly region: string,
    private readonly random: Randomness,
  ) {}

  /** A new, unconfirmed device of `owner`: what NewDeviceMetadata names. */
  create(owner: string, now: Date): DeviceRecord {
    // Group keys look like Cognito's (`-wt2ha1Zd`): a dash and 8 random base64url characters.
    const device: DeviceRecord = {
      key: `${this.region}_${this.random.uuid()}`,
      groupKey: `-${this.random.token(6)}`,
      owner,
      verifier: undefined,
      name: undefined,
      remembered: false,
      createdAt: now,
      lastAuthenticatedAt: undefined,
    };
    this.devices.set(device.key, device);
    return device;
  }

  /** The device of `key` when it belongs to `owner`. */
  of(owner: string, key: string | undefined): DeviceRecord | undefined {
    const device = key === undefined ? undefined : this.devices.get(key);
    return device?.owner === owner ? device : undefined;
  }

  /** Every device of `owner`. */
  all(owner: string): DeviceRecord[] {
    return [...this.devices.values()].filter((device) => device.owner === owner);
  }
}

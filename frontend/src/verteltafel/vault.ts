// The verteltafel's safe on this device: stories waiting to be sent, and the story being taken, in
// IndexedDB, encrypted at rest with AES-GCM (WebCrypto). The data key is random and stored only wrapped
// (AES-GCM) by a key derived from the facilitator's PIN (PBKDF2-SHA-256, 600,000 iterations, random
// salt); the unwrapped key lives in this page's memory only and cannot be exported. Each record is bound
// to its story point and submission id (additional authenticated data), so records cannot be swapped.
// Nothing readable about a story is stored: only the slug and the submission id are in the clear.

const DB_NAME = 'vertelpunt-verteltafel';
const KEY_RECORD = 'key';
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PIN_LENGTH = 6;

/** A sealed record: the ciphertext and its IV; {@code id} is the submission id (queue) or the slug (draft). */
interface Sealed {
  id: string;
  slug: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

interface KeyRecord {
  name: string;
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: ArrayBuffer;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

let opened: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const d = req.result;
        d.createObjectStore('meta', { keyPath: 'name' });
        d.createObjectStore('queue', { keyPath: 'id' }).createIndex('slug', 'slug');
        d.createObjectStore('drafts', { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('request failed'));
    });
  }
  return opened;
}

async function put(store: 'meta' | 'queue' | 'drafts', value: unknown): Promise<void> {
  const tx = (await db()).transaction(store, 'readwrite');
  tx.objectStore(store).put(value);
  await done(tx);
}

async function get<T>(store: 'meta' | 'queue' | 'drafts', key: string): Promise<T | undefined> {
  const tx = (await db()).transaction(store, 'readonly');
  return (await request(tx.objectStore(store).get(key))) as T | undefined;
}

async function remove(store: 'meta' | 'queue' | 'drafts', key: string): Promise<void> {
  const tx = (await db()).transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await done(tx);
}

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

const aad = (slug: string, id: string) => new TextEncoder().encode(`vertelpunt:${slug}:${id}`);

/** The device's safe, locked until {@link unlock} or {@link setUp} gave it its key. */
export class Vault {
  private key: CryptoKey | null = null;

  /** {@code iterations}: of PBKDF2 for a new PIN (an unlock uses the count stored with the key). */
  constructor(private readonly iterations = PBKDF2_ITERATIONS) {}

  get unlocked(): boolean {
    return this.key !== null;
  }

  /** Whether a PIN was set on this device (so stories may be waiting under it). */
  async isSetUp(): Promise<boolean> {
    return (await get<KeyRecord>('meta', KEY_RECORD)) !== undefined;
  }

  /** Makes a new random data key, stores it wrapped by the PIN, and keeps it unlocked. */
  async setUp(pin: string): Promise<void> {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const wrapping = await pinKey(pin, salt, this.iterations);
    const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrapped = await crypto.subtle.wrapKey('raw', fresh, wrapping, {
      name: 'AES-GCM',
      iv: iv as BufferSource,
    });
    await put('meta', {
      name: KEY_RECORD,
      salt,
      iterations: this.iterations,
      iv,
      wrapped,
    } satisfies KeyRecord);
    // the key kept in memory is a copy that can never be exported
    this.key = await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      wrapping,
      { name: 'AES-GCM', iv: iv as BufferSource },
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  }

  /** Unlocks with the PIN; false when the PIN is not right (the wrapped key does not open). */
  async unlock(pin: string): Promise<boolean> {
    const record = await get<KeyRecord>('meta', KEY_RECORD);
    if (!record) {
      return false;
    }
    const wrapping = await pinKey(pin, record.salt, record.iterations);
    try {
      this.key = await crypto.subtle.unwrapKey(
        'raw',
        record.wrapped,
        wrapping,
        { name: 'AES-GCM', iv: record.iv as BufferSource },
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
      return true;
    } catch {
      return false;
    }
  }

  lock(): void {
    this.key = null;
  }

  /** Removes the key and everything sealed with it: for a forgotten PIN, when nothing can be read any more. */
  async erase(): Promise<void> {
    this.key = null;
    const tx = (await db()).transaction(['meta', 'queue', 'drafts'], 'readwrite');
    tx.objectStore('meta').clear();
    tx.objectStore('queue').clear();
    tx.objectStore('drafts').clear();
    await done(tx);
  }

  private async seal(slug: string, id: string, value: unknown): Promise<Sealed> {
    if (!this.key) {
      throw new Error('locked');
    }
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(slug, id) },
      this.key,
      new TextEncoder().encode(JSON.stringify(value)),
    );
    return { id, slug, iv, data };
  }

  private async open<T>(sealed: Sealed): Promise<T> {
    if (!this.key) {
      throw new Error('locked');
    }
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv as BufferSource, additionalData: aad(sealed.slug, sealed.id) },
      this.key,
      sealed.data,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  }

  /** Puts a finished story in the queue; resolves once it is written to disk. */
  async enqueue(slug: string, submissionId: string, story: unknown): Promise<void> {
    await put('queue', await this.seal(slug, submissionId, story));
  }

  /** The submission ids waiting for this story point (readable while locked: they say nothing). */
  async waiting(slug: string): Promise<string[]> {
    const tx = (await db()).transaction('queue', 'readonly');
    return (await request(tx.objectStore('queue').index('slug').getAllKeys(slug))) as string[];
  }

  async read<T>(submissionId: string): Promise<T | undefined> {
    const sealed = await get<Sealed>('queue', submissionId);
    return sealed ? this.open<T>(sealed) : undefined;
  }

  /** Removes a story from the queue: only after the server acknowledged it, or when a facilitator chose to. */
  async dequeue(submissionId: string): Promise<void> {
    await remove('queue', submissionId);
  }

  async saveDraft(slug: string, draft: unknown): Promise<void> {
    await put('drafts', await this.seal(slug, slug, draft));
  }

  async loadDraft<T>(slug: string): Promise<T | undefined> {
    const sealed = await get<Sealed>('drafts', slug);
    return sealed ? this.open<T>(sealed) : undefined;
  }
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, Vault } from './vault';

// PBKDF2 with the real 600,000 iterations takes a noticeable while; only the test of the stored count uses it
const FAST = 1_000;
const PIN = '246810';

/** The raw records in the device's database, as someone with the disk (not the PIN) would see them. */
function rawStore(store: 'meta' | 'queue' | 'drafts') {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('vertelpunt-verteltafel', 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
  const run = async <T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>) => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const req = act(db.transaction(store, mode).objectStore(store));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('request failed'));
      });
    } finally {
      db.close();
    }
  };
  return {
    get: (key: string) => run('readonly', (s) => s.get(key) as IDBRequest<Record<string, unknown>>),
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<Record<string, unknown>[]>),
    put: (value: unknown) => run('readwrite', (s) => s.put(value)),
  };
}

async function setUpVault(): Promise<Vault> {
  const vault = new Vault(FAST);
  await vault.setUp(PIN);
  return vault;
}

const story = (text: string) => ({ text, answers: { q1: 40 } });

describe('verteltafel vault', () => {
  afterEach(async () => {
    await new Vault().erase();
  });

  it('is not set up and stays locked before a PIN is chosen', async () => {
    const vault = new Vault(FAST);
    expect(await vault.isSetUp()).toBe(false);
    expect(vault.unlocked).toBe(false);
    expect(await vault.unlock(PIN)).toBe(false);
  });

  it('is set up and unlocked once a PIN is chosen', async () => {
    const vault = await setUpVault();
    expect(vault.unlocked).toBe(true);
    expect(await new Vault(FAST).isSetUp()).toBe(true);
  });

  it('gives back a queued story after unlocking with the same PIN on a new page', async () => {
    await (await setUpVault()).enqueue('jeugdzorg', 'id-1', story('Mijn verhaal'));
    const later = new Vault(FAST);
    expect(await later.unlock(PIN)).toBe(true);
    expect(await later.read('id-1')).toEqual(story('Mijn verhaal'));
  });

  it('refuses a wrong PIN and stays locked', async () => {
    await (await setUpVault()).enqueue('jeugdzorg', 'id-1', story('Mijn verhaal'));
    const later = new Vault(FAST);
    expect(await later.unlock('135790')).toBe(false);
    expect(later.unlocked).toBe(false);
    await expect(later.read('id-1')).rejects.toThrow('locked');
  });

  it('forgets the key on lock: nothing can be read or written until it is unlocked again', async () => {
    const vault = await setUpVault();
    await vault.enqueue('jeugdzorg', 'id-1', story('Mijn verhaal'));
    await vault.saveDraft('jeugdzorg', story('Half'));
    vault.lock();
    expect(vault.unlocked).toBe(false);
    await expect(vault.read('id-1')).rejects.toThrow('locked');
    await expect(vault.loadDraft('jeugdzorg')).rejects.toThrow('locked');
    await expect(vault.enqueue('jeugdzorg', 'id-2', story('Nog een'))).rejects.toThrow('locked');
    await expect(vault.saveDraft('jeugdzorg', story('Meer'))).rejects.toThrow('locked');
    expect(await vault.unlock(PIN)).toBe(true);
    expect(await vault.read('id-1')).toEqual(story('Mijn verhaal'));
  });

  it('keeps the unwrapped key in memory only as a key that cannot be exported', async () => {
    const vault = await setUpVault();
    // the key is private; a look inside is the only way to see the promise kept
    const key = (vault as unknown as { key: CryptoKey }).key;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('stores the data key only wrapped, with a random salt and the PBKDF2 iteration count', async () => {
    await new Vault().setUp(PIN);
    const record = await rawStore('meta').get('key');
    expect(record.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(record.salt).toHaveLength(16);
    expect(record.iv).toHaveLength(12);
    // the wrapped key is a 256-bit key plus the 128-bit GCM tag; the raw key is nowhere
    expect((record.wrapped as ArrayBuffer).byteLength).toBe(48);
    const later = new Vault(FAST);
    expect(await later.unlock(PIN)).toBe(true);
  });

  it('uses a new salt for every set-up, so the same PIN gives a different wrapping key', async () => {
    await new Vault(FAST).setUp(PIN);
    const first = await rawStore('meta').get('key');
    await new Vault(FAST).setUp(PIN);
    const second = await rawStore('meta').get('key');
    expect(second.salt).not.toEqual(first.salt);
  });

  it('keeps nothing readable on disk: only the slug and the submission id are in the clear', async () => {
    const vault = await setUpVault();
    await vault.enqueue('jeugdzorg', 'id-1', story('Een geheim verhaal'));
    await vault.saveDraft('jeugdzorg', story('Een half verhaal'));
    for (const store of ['queue', 'drafts'] as const) {
      const [record] = await rawStore(store).all();
      expect(Object.keys(record).sort()).toEqual(['data', 'id', 'iv', 'slug']);
      const bytes = new TextDecoder().decode(record.data as ArrayBuffer);
      expect(bytes).not.toContain('verhaal');
    }
  });

  it('refuses a queued record swapped onto another submission id', async () => {
    const vault = await setUpVault();
    await vault.enqueue('jeugdzorg', 'id-1', story('Eerste'));
    await vault.enqueue('jeugdzorg', 'id-2', story('Tweede'));
    const first = await rawStore('queue').get('id-1');
    await rawStore('queue').put({ ...first, id: 'id-2' });
    await expect(vault.read('id-2')).rejects.toThrow();
  });

  it('refuses a queued record moved to another story point', async () => {
    const vault = await setUpVault();
    await vault.enqueue('jeugdzorg', 'id-1', story('Eerste'));
    const record = await rawStore('queue').get('id-1');
    await rawStore('queue').put({ ...record, slug: 'andere-plek' });
    await expect(vault.read('id-1')).rejects.toThrow();
  });

  it('refuses a queued record whose ciphertext was altered', async () => {
    const vault = await setUpVault();
    await vault.enqueue('jeugdzorg', 'id-1', story('Eerste'));
    const record = await rawStore('queue').get('id-1');
    const data = new Uint8Array((record.data as ArrayBuffer).slice(0));
    data[0] ^= 1;
    await rawStore('queue').put({ ...record, data: data.buffer });
    await expect(vault.read('id-1')).rejects.toThrow();
  });

  it('refuses a draft swapped in from another story point', async () => {
    const vault = await setUpVault();
    await vault.saveDraft('een', story('Concept een'));
    const record = await rawStore('drafts').get('een');
    await rawStore('drafts').put({ ...record, id: 'twee', slug: 'twee' });
    expect(await vault.loadDraft('een')).toEqual(story('Concept een'));
    await expect(vault.loadDraft('twee')).rejects.toThrow();
  });

  it('lists the waiting submission ids per story point, also while locked', async () => {
    const vault = await setUpVault();
    await vault.enqueue('een', 'id-1', story('a'));
    await vault.enqueue('twee', 'id-2', story('b'));
    await vault.enqueue('een', 'id-3', story('c'));
    vault.lock();
    expect((await vault.waiting('een')).sort()).toEqual(['id-1', 'id-3']);
    expect(await vault.waiting('twee')).toEqual(['id-2']);
    expect(await vault.waiting('drie')).toEqual([]);
  });

  it('keeps one record per submission id: queueing the same story again replaces it', async () => {
    const vault = await setUpVault();
    await vault.enqueue('een', 'id-1', story('eerste versie'));
    await vault.enqueue('een', 'id-1', story('tweede versie'));
    expect(await vault.waiting('een')).toEqual(['id-1']);
    expect(await vault.read('id-1')).toEqual(story('tweede versie'));
  });

  it('removes a story from the queue on dequeue, and only that story', async () => {
    const vault = await setUpVault();
    await vault.enqueue('een', 'id-1', story('a'));
    await vault.enqueue('een', 'id-2', story('b'));
    await vault.dequeue('id-1');
    expect(await vault.waiting('een')).toEqual(['id-2']);
    expect(await vault.read('id-1')).toBeUndefined();
  });

  it('keeps one draft per story point, apart from the queue', async () => {
    const vault = await setUpVault();
    await vault.saveDraft('een', story('Concept'));
    await vault.saveDraft('een', story('Concept, verder'));
    expect(await vault.loadDraft('een')).toEqual(story('Concept, verder'));
    expect(await vault.loadDraft('twee')).toBeUndefined();
    expect(await vault.waiting('een')).toEqual([]);
  });

  it('erases the key, the queue and the drafts, and locks', async () => {
    const vault = await setUpVault();
    await vault.enqueue('een', 'id-1', story('a'));
    await vault.saveDraft('een', story('Concept'));
    await vault.erase();
    expect(vault.unlocked).toBe(false);
    expect(await vault.isSetUp()).toBe(false);
    expect(await vault.waiting('een')).toEqual([]);
    expect(await vault.unlock(PIN)).toBe(false);
    await new Vault(FAST).setUp(PIN);
    expect(await vault.unlock(PIN)).toBe(true);
    expect(await vault.loadDraft('een')).toBeUndefined();
  });
});

// Fills the app's real database with many links for a merchant of its own (so syncing the
// Sandbox merchants leaves them alone), while the app is closed: the benches and the
// large-list checks of the specs.
import { execFileSync } from "node:child_process";
import path from "node:path";

const SEED = `
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); merchant, name, n = sys.argv[2], sys.argv[3], int(sys.argv[4]); rng = random.Random(7)
concepts = ["Pastel", "Clase de yoga", "Consulta dental", "Reparación", "Caja de café", "Anticipo"]
names = ["Pérez", "García", "Hernández", "López", "Martínez", "Zúñiga", "Núñez", "Ramírez"]
db.execute("INSERT OR IGNORE INTO merchants (profile_id, id, name, main_link, domain, created_at, updated_at) VALUES ('sandbox', ?, ?, ?, 'https://test.pay.billpocket.com', 0, 0)", (merchant, name, merchant))
rows = []
for i in range(n):
    slug = "%s%07d" % (merchant[0], i)
    created = 1_700_000_000 + i * 300
    expiry = created + rng.randrange(-30, 400) * 86400 if rng.random() < 0.5 else None
    rows.append(("sandbox", "%s%033d" % (merchant[0], i), merchant, "%s %s %s" % (rng.choice(concepts), rng.choice(names), rng.choice(names)),
                 rng.randrange(1000, 2000000), slug, "https://test.pay.billpocket.com/%s/%s" % (merchant, slug),
                 1 if rng.random() < 0.7 else 0, expiry, "[3,6]" if rng.random() < 0.2 else "[]", 0, created, created, created))
db.executemany("INSERT INTO links (profile_id, id, merchant_id, description, amount_centavos, secondary_link, custom_link_path, status, expired_at, months, is_fixed_term, created_at, updated_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.commit(); db.execute("PRAGMA optimize=0x10002"); db.close()
`;

/** The database of the app run with `XDG_DATA_HOME=dataHome`. */
export const databaseIn = (dataHome) =>
  path.join(dataHome, "mx.mostrador.app", "mostrador.sqlite3");

/**
 * Adds merchant `id` named `name` with `count` links to `database` (the Sandbox profile). Link
 * ids and slugs start with the merchant id's first letter; slugs are that letter and the link's
 * number in 7 digits (`b0000042`), the newest link having the highest number.
 */
export function seedLinks(database, id, name, count) {
  execFileSync("python3", ["-c", SEED, database, id, name, String(count)]);
}

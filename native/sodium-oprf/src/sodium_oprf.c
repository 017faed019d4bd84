/*
 * RFC 9497 OPRF (mode 0x00, suite ristretto255-SHA512), server side, over the system libsodium.
 *
 * libsodium provides the ristretto255 group (crypto_core_ristretto255_from_hash, the RFC 9496 one-way
 * map, and crypto_scalarmult_ristretto255); this file adds what it lacks: RFC 9380 expand_message_xmd
 * with SHA-512 (the HashToGroup step) and RFC 9497 Finalize. The whole Evaluate runs here, so a batch
 * costs one N-API call and no allocation per item.
 *
 * JavaScript surface (see src/modules/oprf/native-backend.ts):
 *   abiVersion: number, libsodiumVersion: string
 *   createContext(secretKey: Uint8Array(32)) -> object      key copied into sodium_malloc'd memory
 *   evaluate(ctx, input: Uint8Array) -> Uint8Array(64)
 *   evaluateBatch(ctx, data: Uint8Array, offsets: Uint32Array(n + 1), out: Uint8Array(64 n)) -> undefined
 *   blindEvaluate(ctx, element: Uint8Array, out: Uint8Array(32)) -> status (0 ok, see BLIND_* below)
 *   checkElement(element: Uint8Array) -> status, the checks of blindEvaluate without the multiplication
 *   dispose(ctx) -> undefined                               wipes and frees the key now (else at GC)
 * Errors are thrown as TypeError/RangeError with fixed messages; no key or input byte ever reaches one.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#define ABI_VERSION 3
#define ENTRY_RECORD_BYTES 56
#define META_BYTES 8
#define NONCE_BYTES 12
#define SCALAR_BYTES 32
#define ELEMENT_BYTES 32
#define OUTPUT_BYTES 64
#define MAX_INPUT_BYTES 65535u

#define BLIND_OK 0
#define BLIND_BAD_LENGTH 1
#define BLIND_NOT_CANONICAL 2
#define BLIND_IDENTITY 3

/* DST_prime = "HashToGroup-" || "OPRFV1-" || I2OSP(0x00, 1) || "-ristretto255-SHA512" || I2OSP(len, 1). */
static const unsigned char DST_PRIME[41] = {
    'H', 'a', 's', 'h', 'T', 'o', 'G', 'r', 'o', 'u', 'p', '-', 'O', 'P', 'R', 'F', 'V', '1', '-', 0x00, '-',
    'r', 'i', 's', 't', 'r', 'e', 't', 't', 'o', '2', '5', '5', '-', 'S', 'H', 'A', '5', '1', '2', 40};
/* After msg: I2OSP(len_in_bytes = 64, 2) || I2OSP(0, 1). */
static const unsigned char XMD_SUFFIX[3] = {0x00, 0x40, 0x00};
static const unsigned char XMD_ONE[1] = {0x01};
/* Finalize: I2OSP(len(unblindedElement) = 32, 2) precedes the element, "Finalize" follows it. */
static const unsigned char ELEMENT_LEN[2] = {0x00, ELEMENT_BYTES};
static const unsigned char FINALIZE_LABEL[8] = {'F', 'i', 'n', 'a', 'l', 'i', 'z', 'e'};

/* Marks objects made by createContext, so a foreign object is refused before it is dereferenced. */
static const napi_type_tag CONTEXT_TAG = {0x6272656163686465ULL, 0x736b2d6f70726631ULL};

typedef struct {
  unsigned char secret_key[SCALAR_BYTES];
  /* SHA-512 state after absorbing Z_pad (128 zero bytes, one block): every input's b_0 starts here. */
  crypto_hash_sha512_state after_zpad;
  int disposed;
} oprf_context;

/* Evaluate(skS, input) = Finalize(input, skS * HashToGroup(input)). Returns 0, or -1 if the product is the
 * identity (impossible for a nonzero key and a hash-derived point, checked anyway). */
static int oprf_evaluate(const oprf_context *ctx, const unsigned char *input, size_t input_len,
                         unsigned char out[OUTPUT_BYTES]) {
  crypto_hash_sha512_state st;
  unsigned char b0[64];
  unsigned char uniform[64];
  unsigned char point[ELEMENT_BYTES];
  unsigned char evaluated[ELEMENT_BYTES];
  unsigned char input_len_be[2];
  int rc = 0;

  /* expand_message_xmd(input, DST, 64) with ell = 1: b_0 = H(Z_pad || msg || l_i_b || 0 || DST'),
   * uniform = b_1 = H(b_0 || 1 || DST'). */
  memcpy(&st, &ctx->after_zpad, sizeof st);
  if (input_len > 0) crypto_hash_sha512_update(&st, input, (unsigned long long)input_len);
  crypto_hash_sha512_update(&st, XMD_SUFFIX, sizeof XMD_SUFFIX);
  crypto_hash_sha512_update(&st, DST_PRIME, sizeof DST_PRIME);
  crypto_hash_sha512_final(&st, b0);
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, b0, sizeof b0);
  crypto_hash_sha512_update(&st, XMD_ONE, sizeof XMD_ONE);
  crypto_hash_sha512_update(&st, DST_PRIME, sizeof DST_PRIME);
  crypto_hash_sha512_final(&st, uniform);

  crypto_core_ristretto255_from_hash(point, uniform);
  if (crypto_scalarmult_ristretto255(evaluated, ctx->secret_key, point) != 0) {
    rc = -1;
  } else {
    input_len_be[0] = (unsigned char)(input_len >> 8);
    input_len_be[1] = (unsigned char)(input_len & 0xff);
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, input_len_be, 2);
    if (input_len > 0) crypto_hash_sha512_update(&st, input, (unsigned long long)input_len);
    crypto_hash_sha512_update(&st, ELEMENT_LEN, 2);
    crypto_hash_sha512_update(&st, evaluated, ELEMENT_BYTES);
    crypto_hash_sha512_update(&st, FINALIZE_LABEL, sizeof FINALIZE_LABEL);
    crypto_hash_sha512_final(&st, out);
  }
  /* The intermediate values are functions of the key and the input: do not leave them on the stack. */
  sodium_memzero(evaluated, sizeof evaluated);
  sodium_memzero(&st, sizeof st);
  return rc;
}

/* ---- N-API plumbing ---------------------------------------------------------------------------- */

#define CHECK(call)                                   \
  do {                                                \
    if ((call) != napi_ok) {                          \
      napi_throw_error(env, NULL, "N-API call failed"); \
      return NULL;                                    \
    }                                                 \
  } while (0)

static int get_args(napi_env env, napi_callback_info info, size_t expected, napi_value *argv) {
  size_t argc = expected;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < expected) {
    napi_throw_type_error(env, NULL, "sodium-oprf: missing arguments");
    return -1;
  }
  return 0;
}

/* The bytes of a Uint8Array (or Buffer). Throws a TypeError for anything else. */
static int get_u8(napi_env env, napi_value value, unsigned char **data, size_t *length, const char *what) {
  bool is_typed = false;
  napi_typedarray_type type;
  void *ptr = NULL;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, value, &type, length, &ptr, NULL, NULL) != napi_ok ||
      type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, what);
    return -1;
  }
  *data = (unsigned char *)ptr;
  return 0;
}

static int get_u32(napi_env env, napi_value value, uint32_t **data, size_t *length, const char *what) {
  bool is_typed = false;
  napi_typedarray_type type;
  void *ptr = NULL;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, value, &type, length, &ptr, NULL, NULL) != napi_ok ||
      type != napi_uint32_array) {
    napi_throw_type_error(env, NULL, what);
    return -1;
  }
  *data = (uint32_t *)ptr;
  return 0;
}

static oprf_context *get_context(napi_env env, napi_value value) {
  bool tagged = false;
  void *ptr = NULL;
  oprf_context *ctx;
  if (napi_check_object_type_tag(env, value, &CONTEXT_TAG, &tagged) != napi_ok || !tagged ||
      napi_unwrap(env, value, &ptr) != napi_ok || ptr == NULL) {
    napi_throw_type_error(env, NULL, "sodium-oprf: not a context made by createContext");
    return NULL;
  }
  ctx = (oprf_context *)ptr;
  if (ctx->disposed) {
    napi_throw_error(env, NULL, "sodium-oprf: context was disposed");
    return NULL;
  }
  return ctx;
}

static void context_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  sodium_free(data); /* sodium_free wipes the memory before releasing it */
}

/* createContext(secretKey): the key must be a canonical, nonzero scalar (0 < k < L). */
static napi_value create_context(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value obj;
  unsigned char *key;
  size_t key_len;
  unsigned char wide[64];
  unsigned char reduced[SCALAR_BYTES];
  static const unsigned char zpad[128] = {0};
  oprf_context *ctx;
  int canonical;

  if (get_args(env, info, 1, argv) != 0) return NULL;
  if (get_u8(env, argv[0], &key, &key_len, "sodium-oprf: secretKey must be a Uint8Array") != 0) return NULL;
  if (key_len != SCALAR_BYTES) {
    napi_throw_range_error(env, NULL, "sodium-oprf: secretKey must be 32 bytes");
    return NULL;
  }
  /* Canonical iff reducing k (zero-extended to 64 bytes) mod L gives k back. */
  memset(wide, 0, sizeof wide);
  memcpy(wide, key, SCALAR_BYTES);
  crypto_core_ristretto255_scalar_reduce(reduced, wide);
  canonical = sodium_memcmp(reduced, key, SCALAR_BYTES) == 0 && !sodium_is_zero(key, SCALAR_BYTES);
  sodium_memzero(wide, sizeof wide);
  sodium_memzero(reduced, sizeof reduced);
  if (!canonical) {
    napi_throw_range_error(env, NULL, "sodium-oprf: secretKey is not a canonical nonzero scalar");
    return NULL;
  }

  ctx = (oprf_context *)sodium_malloc(sizeof(oprf_context));
  if (ctx == NULL) {
    napi_throw_error(env, NULL, "sodium-oprf: out of secure memory");
    return NULL;
  }
  memcpy(ctx->secret_key, key, SCALAR_BYTES);
  crypto_hash_sha512_init(&ctx->after_zpad);
  crypto_hash_sha512_update(&ctx->after_zpad, zpad, sizeof zpad);
  ctx->disposed = 0;

  if (napi_create_object(env, &obj) != napi_ok || napi_type_tag_object(env, obj, &CONTEXT_TAG) != napi_ok ||
      napi_wrap(env, obj, ctx, context_finalize, NULL, NULL) != napi_ok) {
    sodium_free(ctx);
    napi_throw_error(env, NULL, "sodium-oprf: cannot create the context object");
    return NULL;
  }
  return obj;
}

/* dispose(ctx): wipe the key now; the memory itself is released by the finalizer. */
static napi_value dispose(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  oprf_context *ctx;
  if (get_args(env, info, 1, argv) != 0) return NULL;
  ctx = get_context(env, argv[0]);
  if (ctx == NULL) return NULL;
  sodium_memzero(ctx->secret_key, sizeof ctx->secret_key);
  ctx->disposed = 1;
  return NULL;
}

static napi_value evaluate(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  napi_value arraybuffer;
  napi_value result;
  oprf_context *ctx;
  unsigned char *input;
  size_t input_len;
  void *out;

  if (get_args(env, info, 2, argv) != 0) return NULL;
  ctx = get_context(env, argv[0]);
  if (ctx == NULL) return NULL;
  if (get_u8(env, argv[1], &input, &input_len, "sodium-oprf: input must be a Uint8Array") != 0) return NULL;
  if (input_len > MAX_INPUT_BYTES) {
    napi_throw_range_error(env, NULL, "sodium-oprf: input longer than 65535 bytes");
    return NULL;
  }
  CHECK(napi_create_arraybuffer(env, OUTPUT_BYTES, &out, &arraybuffer));
  if (oprf_evaluate(ctx, input, input_len, (unsigned char *)out) != 0) {
    napi_throw_error(env, NULL, "sodium-oprf: evaluation produced the identity element");
    return NULL;
  }
  CHECK(napi_create_typedarray(env, napi_uint8_array, OUTPUT_BYTES, arraybuffer, 0, &result));
  return result;
}

/* evaluateBatch(ctx, data, offsets, out): item i is data[offsets[i] .. offsets[i + 1]); its output goes to
 * out[64 i .. 64 i + 64). Everything is validated before the first evaluation. */
static napi_value evaluate_batch(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  oprf_context *ctx;
  unsigned char *data;
  size_t data_len;
  uint32_t *offsets;
  size_t offsets_len;
  unsigned char *out;
  size_t out_len;
  size_t count;
  size_t i;

  if (get_args(env, info, 4, argv) != 0) return NULL;
  ctx = get_context(env, argv[0]);
  if (ctx == NULL) return NULL;
  if (get_u8(env, argv[1], &data, &data_len, "sodium-oprf: data must be a Uint8Array") != 0) return NULL;
  if (get_u32(env, argv[2], &offsets, &offsets_len, "sodium-oprf: offsets must be a Uint32Array") != 0) return NULL;
  if (get_u8(env, argv[3], &out, &out_len, "sodium-oprf: out must be a Uint8Array") != 0) return NULL;
  if (offsets_len == 0) {
    napi_throw_range_error(env, NULL, "sodium-oprf: offsets must hold n + 1 entries");
    return NULL;
  }
  count = offsets_len - 1;
  if (out_len != count * OUTPUT_BYTES) {
    napi_throw_range_error(env, NULL, "sodium-oprf: out must be 64 bytes per input");
    return NULL;
  }
  for (i = 0; i < count; i++) {
    if (offsets[i] > offsets[i + 1] || offsets[i + 1] > data_len ||
        offsets[i + 1] - offsets[i] > MAX_INPUT_BYTES) {
      napi_throw_range_error(env, NULL, "sodium-oprf: offsets out of range or an input longer than 65535 bytes");
      return NULL;
    }
  }
  for (i = 0; i < count; i++) {
    if (oprf_evaluate(ctx, data + offsets[i], offsets[i + 1] - offsets[i], out + i * OUTPUT_BYTES) != 0) {
      napi_throw_error(env, NULL, "sodium-oprf: evaluation produced the identity element");
      return NULL;
    }
  }
  return NULL;
}

/* ---- Index entries (src/modules/lookup/index-format.ts, the reference implementation) --------------- */

/* okm = HKDF-SHA512(salt, ikm = out, info, 64 bytes of which the format uses 52). */
static void hkdf_sha512(const unsigned char *salt, size_t salt_len, const unsigned char ikm[OUTPUT_BYTES],
                        const unsigned char *info, size_t info_len, unsigned char okm[64]) {
  crypto_auth_hmacsha512_state st;
  unsigned char prk[64];
  const unsigned char one = 1;
  crypto_auth_hmacsha512_init(&st, salt, salt_len);
  crypto_auth_hmacsha512_update(&st, ikm, OUTPUT_BYTES);
  crypto_auth_hmacsha512_final(&st, prk);
  crypto_auth_hmacsha512_init(&st, prk, sizeof prk);
  if (info_len > 0) crypto_auth_hmacsha512_update(&st, info, (unsigned long long)info_len);
  crypto_auth_hmacsha512_update(&st, &one, 1);
  crypto_auth_hmacsha512_final(&st, okm);
  sodium_memzero(prk, sizeof prk);
  sodium_memzero(&st, sizeof st);
}

/* One 56-byte record: bucketHash u32 BE (okm[0..4] >> 1) | tag okm[4..20] | nonce | AES-256-GCM(meta) | GCM tag,
 * the metadata key being okm[20..52]. */
static int seal_entry(const unsigned char out[OUTPUT_BYTES], const unsigned char *salt, size_t salt_len,
                      const unsigned char *info, size_t info_len, const unsigned char meta[META_BYTES],
                      const unsigned char nonce[NONCE_BYTES], const unsigned char *aad, size_t aad_len,
                      unsigned char record[ENTRY_RECORD_BYTES]) {
  unsigned char okm[64];
  unsigned long long mac_len = 0;
  uint32_t bucket;
  int rc;
  hkdf_sha512(salt, salt_len, out, info, info_len, okm);
  bucket = (((uint32_t)okm[0] << 24) | ((uint32_t)okm[1] << 16) | ((uint32_t)okm[2] << 8) | (uint32_t)okm[3]) >> 1;
  record[0] = (unsigned char)(bucket >> 24);
  record[1] = (unsigned char)(bucket >> 16);
  record[2] = (unsigned char)(bucket >> 8);
  record[3] = (unsigned char)bucket;
  memcpy(record + 4, okm + 4, 16);
  memcpy(record + 20, nonce, NONCE_BYTES);
  rc = crypto_aead_aes256gcm_encrypt_detached(record + 32, record + 40, &mac_len, meta, META_BYTES, aad,
                                              (unsigned long long)aad_len, NULL, nonce, okm + 20);
  sodium_memzero(okm, sizeof okm);
  return rc == 0 && mac_len == 16 ? 0 : -1;
}

/* indexEntriesBatch(ctx, data, offsets, metas, nonces, salt, info, aad, out): Evaluate each input, then derive
 * and seal its index entry, without the OPRF output ever leaving C. metas: 8 bytes per input; nonces: 12
 * bytes per input (fresh random, from the caller); out: 56 bytes per input. */
static napi_value index_entries_batch(napi_env env, napi_callback_info info) {
  napi_value argv[9];
  oprf_context *ctx;
  unsigned char *data, *metas, *nonces, *salt, *inf, *aad, *out;
  size_t data_len, metas_len, nonces_len, salt_len, info_len, aad_len, out_len, offsets_len, count, i;
  uint32_t *offsets;
  unsigned char evaluated[OUTPUT_BYTES];

  if (get_args(env, info, 9, argv) != 0) return NULL;
  ctx = get_context(env, argv[0]);
  if (ctx == NULL) return NULL;
  if (get_u8(env, argv[1], &data, &data_len, "sodium-oprf: data must be a Uint8Array") != 0 ||
      get_u32(env, argv[2], &offsets, &offsets_len, "sodium-oprf: offsets must be a Uint32Array") != 0 ||
      get_u8(env, argv[3], &metas, &metas_len, "sodium-oprf: metas must be a Uint8Array") != 0 ||
      get_u8(env, argv[4], &nonces, &nonces_len, "sodium-oprf: nonces must be a Uint8Array") != 0 ||
      get_u8(env, argv[5], &salt, &salt_len, "sodium-oprf: salt must be a Uint8Array") != 0 ||
      get_u8(env, argv[6], &inf, &info_len, "sodium-oprf: info must be a Uint8Array") != 0 ||
      get_u8(env, argv[7], &aad, &aad_len, "sodium-oprf: aad must be a Uint8Array") != 0 ||
      get_u8(env, argv[8], &out, &out_len, "sodium-oprf: out must be a Uint8Array") != 0) {
    return NULL;
  }
  if (!crypto_aead_aes256gcm_is_available()) {
    napi_throw_error(env, NULL, "sodium-oprf: AES-256-GCM needs AES-NI, which this CPU lacks");
    return NULL;
  }
  if (offsets_len == 0) {
    napi_throw_range_error(env, NULL, "sodium-oprf: offsets must hold n + 1 entries");
    return NULL;
  }
  count = offsets_len - 1;
  if (metas_len != count * META_BYTES || nonces_len != count * NONCE_BYTES || out_len != count * ENTRY_RECORD_BYTES) {
    napi_throw_range_error(env, NULL, "sodium-oprf: metas, nonces and out must be 8, 12 and 56 bytes per input");
    return NULL;
  }
  for (i = 0; i < count; i++) {
    if (offsets[i] > offsets[i + 1] || offsets[i + 1] > data_len ||
        offsets[i + 1] - offsets[i] > MAX_INPUT_BYTES) {
      napi_throw_range_error(env, NULL, "sodium-oprf: offsets out of range or an input longer than 65535 bytes");
      return NULL;
    }
  }
  for (i = 0; i < count; i++) {
    if (oprf_evaluate(ctx, data + offsets[i], offsets[i + 1] - offsets[i], evaluated) != 0 ||
        seal_entry(evaluated, salt, salt_len, inf, info_len, metas + i * META_BYTES, nonces + i * NONCE_BYTES, aad,
                   aad_len, out + i * ENTRY_RECORD_BYTES) != 0) {
      sodium_memzero(evaluated, sizeof evaluated);
      napi_throw_error(env, NULL, "sodium-oprf: an index entry could not be built");
      return NULL;
    }
  }
  sodium_memzero(evaluated, sizeof evaluated);
  return NULL;
}

/* The checks blindEvaluate makes on a blinded element: 32 bytes, not the identity, canonical. */
static int element_status(const unsigned char *element, size_t element_len) {
  if (element_len != ELEMENT_BYTES) return BLIND_BAD_LENGTH;
  if (sodium_is_zero(element, ELEMENT_BYTES)) return BLIND_IDENTITY; /* is_valid_point accepts it */
  /* RFC 9496 decoding fails for any value >= p, so for a set top bit too; libsodium up to 1.0.18
   * masks that bit and accepts the string as the encoding of another point. */
  if ((element[31] & 0x80) != 0 || crypto_core_ristretto255_is_valid_point(element) != 1) return BLIND_NOT_CANONICAL;
  return BLIND_OK;
}

/* checkElement(element): the status blindEvaluate would give, for a decode's cost (no multiplication). */
static napi_value check_element(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value status;
  unsigned char *element;
  size_t element_len;
  if (get_args(env, info, 1, argv) != 0) return NULL;
  if (get_u8(env, argv[0], &element, &element_len, "sodium-oprf: element must be a Uint8Array") != 0) return NULL;
  CHECK(napi_create_int32(env, element_status(element, element_len), &status));
  return status;
}

/* blindEvaluate(ctx, element, out): out = skS * element for a canonical, non-identity encoding. */
static napi_value blind_evaluate(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  napi_value status;
  oprf_context *ctx;
  unsigned char *element;
  size_t element_len;
  unsigned char *out;
  size_t out_len;
  int code = BLIND_OK;

  if (get_args(env, info, 3, argv) != 0) return NULL;
  ctx = get_context(env, argv[0]);
  if (ctx == NULL) return NULL;
  if (get_u8(env, argv[1], &element, &element_len, "sodium-oprf: element must be a Uint8Array") != 0) return NULL;
  if (get_u8(env, argv[2], &out, &out_len, "sodium-oprf: out must be a Uint8Array") != 0) return NULL;
  if (out_len != ELEMENT_BYTES) {
    napi_throw_range_error(env, NULL, "sodium-oprf: out must be 32 bytes");
    return NULL;
  }
  code = element_status(element, element_len);
  if (code == BLIND_OK && crypto_scalarmult_ristretto255(out, ctx->secret_key, element) != 0) {
    code = BLIND_IDENTITY; /* cannot happen for a prime-order group and a nonzero key */
  }
  if (code != BLIND_OK) sodium_memzero(out, out_len);
  CHECK(napi_create_int32(env, code, &status));
  return status;
}

static int export_function(napi_env env, napi_value exports, const char *name, napi_callback cb) {
  napi_value fn;
  if (napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, NULL, &fn) != napi_ok) return -1;
  return napi_set_named_property(env, exports, name, fn) == napi_ok ? 0 : -1;
}

NAPI_MODULE_INIT() {
  napi_value abi;
  napi_value version;
  napi_value aesgcm;
  /* Once per process in practice; sodium_init is idempotent and thread-safe, so a worker thread
   * loading the addon again is harmless. Never called on the evaluation path. */
  if (sodium_init() < 0) {
    napi_throw_error(env, NULL, "sodium-oprf: sodium_init failed");
    return NULL;
  }
  if (napi_create_int32(env, ABI_VERSION, &abi) != napi_ok ||
      napi_set_named_property(env, exports, "abiVersion", abi) != napi_ok ||
      napi_create_string_utf8(env, sodium_version_string(), NAPI_AUTO_LENGTH, &version) != napi_ok ||
      napi_set_named_property(env, exports, "libsodiumVersion", version) != napi_ok ||
      napi_get_boolean(env, crypto_aead_aes256gcm_is_available() != 0, &aesgcm) != napi_ok ||
      napi_set_named_property(env, exports, "aesgcmAvailable", aesgcm) != napi_ok ||
      export_function(env, exports, "createContext", create_context) != 0 ||
      export_function(env, exports, "dispose", dispose) != 0 ||
      export_function(env, exports, "evaluate", evaluate) != 0 ||
      export_function(env, exports, "evaluateBatch", evaluate_batch) != 0 ||
      export_function(env, exports, "blindEvaluate", blind_evaluate) != 0 ||
      export_function(env, exports, "checkElement", check_element) != 0 ||
      export_function(env, exports, "indexEntriesBatch", index_entries_batch) != 0) {
    napi_throw_error(env, NULL, "sodium-oprf: cannot initialise the module");
    return NULL;
  }
  return exports;
}

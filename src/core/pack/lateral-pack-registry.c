/* lateral-pack-registry.c: the packs a learner can choose from, one per id, in their language
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Packs come from three kinds of folders: the built-in one, the user's, and
 * school-wide ones under $XDG_DATA_DIRS. A school can ship a newer edition
 * of a built-in case, so the same id may appear twice: the higher version
 * wins and the other is logged, never dropped silently.
 *
 * A case exists in several languages as one file per language with the same
 * id and version (prank-call.json, prank-call.es.json), so a class's results
 * pool across languages by id, version and claim id. The registry keeps every
 * language file of the winning version and shows the one matching the
 * interface language (g_get_language_names()), else the original: the file
 * without translated_from. Problems are logged
 * with g_message(), not g_warning(): a broken file in a shared folder is the
 * user's data, not a bug, and must not abort test programs that scan it.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-files.h"
#include "lateral-pack-private.h"
#include "lateral-pack-registry.h"
#include "lateral-version.h"

/* The language files of one id, all of one version. */
typedef struct {
  GPtrArray   *files;     /* of LateralPack, in the order found */
  LateralPack *chosen;    /* one of files: the one shown */
} Entry;

struct _LateralPackRegistry
{
  GObject     parent_instance;

  GListStore *packs;      /* of LateralPack, the chosen file of each id, sorted by title */
  GHashTable *by_id;      /* id -> Entry */
  GPtrArray  *problems;   /* of LateralDiagnostic */
  char      **languages;  /* nullable: overrides g_get_language_names() */
};

static void
entry_free (Entry *entry)
{
  g_ptr_array_unref (entry->files);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (LateralPackRegistry, lateral_pack_registry, G_TYPE_OBJECT)

static void
lateral_pack_registry_finalize (GObject *object)
{
  LateralPackRegistry *self = (LateralPackRegistry *) object;

  g_clear_object (&self->packs);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (lateral_pack_registry_parent_class)->finalize (object);
}

static void
lateral_pack_registry_class_init (LateralPackRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_pack_registry_finalize;
}

static void
lateral_pack_registry_init (LateralPackRegistry *self)
{
  self->packs = g_list_store_new (LATERAL_TYPE_PACK);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
}

LateralPackRegistry *
lateral_pack_registry_new (void)
{
  return g_object_new (LATERAL_TYPE_PACK_REGISTRY, NULL);
}

/**
 * lateral_pack_registry_new_like:
 *
 * Returns: (transfer full): an empty registry with @self's languages, to be
 * loaded in a worker thread (lateral_pack_registry_load() scans every pack
 * folder) and then handed to lateral_pack_registry_adopt() on the thread
 * that owns @self. A registry is used by one thread at a time.
 */
LateralPackRegistry *
lateral_pack_registry_new_like (LateralPackRegistry *self)
{
  LateralPackRegistry *copy;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);

  copy = lateral_pack_registry_new ();
  copy->languages = g_strdupv (self->languages);
  return copy;
}

/**
 * lateral_pack_registry_adopt:
 * @loaded: a registry loaded since; it is left empty
 *
 * Takes @loaded's packs and problems as @self's own, so that everyone
 * holding @self (pages, the packs list model) sees the new load. The list
 * model changes in one items-changed.
 */
void
lateral_pack_registry_adopt (LateralPackRegistry *self,
                             LateralPackRegistry *loaded)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n;

  g_return_if_fail (LATERAL_IS_PACK_REGISTRY (self));
  g_return_if_fail (LATERAL_IS_PACK_REGISTRY (loaded));
  g_return_if_fail (self != loaded);

  model = G_LIST_MODEL (loaded->packs);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  self->by_id = g_steal_pointer (&loaded->by_id);
  loaded->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&loaded->problems);
  loaded->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
  g_list_store_remove_all (loaded->packs);

  g_list_store_splice (self->packs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->packs)),
                       items->pdata, items->len);
}

/**
 * lateral_pack_registry_get_builtin_dir:
 *
 * Returns: (transfer full): $LATERAL_PACKS_DIR when set (uninstalled runs),
 *   else the installed PKGDATADIR/packs
 */
char *
lateral_pack_registry_get_builtin_dir (void)
{
  const char *env = g_getenv ("LATERAL_PACKS_DIR");

  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);
  return g_build_filename (PKGDATADIR, "packs", NULL);
}

static int
compare_by_title (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LateralPack *pa = (LateralPack *) a;
  LateralPack *pb = (LateralPack *) b;
  /* Case-folded first: "apples" before "Moon" in every locale, C included. */
  g_autofree char *fa = g_utf8_casefold (lateral_pack_get_title (pa), -1);
  g_autofree char *fb = g_utf8_casefold (lateral_pack_get_title (pb), -1);
  g_autofree char *ka = g_utf8_collate_key (fa, -1);
  g_autofree char *kb = g_utf8_collate_key (fb, -1);
  int cmp = strcmp (ka, kb);

  return cmp != 0 ? cmp : strcmp (lateral_pack_get_id (pa), lateral_pack_get_id (pb));
}

static void add_problem (LateralPackRegistry *self,
                         const char          *filename,
                         const char          *message);

static LateralPack *
find_language (GPtrArray  *files,
               const char *language)
{
  for (guint i = 0; i < files->len; i++)
    {
      LateralPack *pack = g_ptr_array_index (files, i);

      if (g_ascii_strcasecmp (lateral_pack_get_language (pack), language) == 0)
        return pack;
    }
  return NULL;
}

static void
add_pack (LateralPackRegistry *self,
          LateralPack         *pack)
{
  const char *id = lateral_pack_get_id (pack);
  Entry *entry = g_hash_table_lookup (self->by_id, id);
  LateralPack *other;
  int cmp;

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (entry->files, g_object_ref (pack));
      g_hash_table_insert (self->by_id, g_strdup (id), entry);
      return;
    }

  other = g_ptr_array_index (entry->files, 0);
  cmp = lateral_version_compare (lateral_pack_get_version (pack), lateral_pack_get_version (other));
  if (cmp < 0)
    {
      g_message ("Pack %s: using version %s from %s, not version %s from %s",
                 id, lateral_pack_get_version (other), lateral_pack_get_filename (other),
                 lateral_pack_get_version (pack), lateral_pack_get_filename (pack));
      return;
    }
  if (cmp > 0)
    {
      for (guint i = 0; i < entry->files->len; i++)
        {
          LateralPack *loser = g_ptr_array_index (entry->files, i);

          g_message ("Pack %s: using version %s from %s, not version %s from %s",
                     id, lateral_pack_get_version (pack), lateral_pack_get_filename (pack),
                     lateral_pack_get_version (loser), lateral_pack_get_filename (loser));
        }
      g_ptr_array_set_size (entry->files, 0);
      g_ptr_array_add (entry->files, g_object_ref (pack));
      return;
    }

  /* The same version: another language, or a copy of one already found. */
  other = find_language (entry->files, lateral_pack_get_language (pack));
  if (other != NULL)
    {
      /* On a tie the earlier folder (built-in, then user's) keeps it. */
      g_message ("Pack %s: using version %s in %s from %s, not the one from %s",
                 id, lateral_pack_get_version (other), lateral_pack_get_language (other),
                 lateral_pack_get_filename (other), lateral_pack_get_filename (pack));
      return;
    }
  g_ptr_array_add (entry->files, g_object_ref (pack));
}

/* The original of a version: the file without translated_from, else the first. */
static LateralPack *
find_original (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      LateralPack *pack = g_ptr_array_index (files, i);

      if (lateral_pack_get_translated_from (pack) == NULL)
        return pack;
    }
  return g_ptr_array_index (files, 0);
}

/* A translation whose steps differ from the original's would mix answers
 * to different claims: it is dropped, and the problem kept. */
static void
drop_disagreeing_translations (LateralPackRegistry *self,
                               GPtrArray           *files)
{
  LateralPack *original = find_original (files);

  for (guint i = files->len; i-- > 0;)
    {
      LateralPack *pack = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;

      if (pack == original || lateral_pack_check_translation (original, pack, &error))
        continue;
      g_message ("Skipping pack %s: %s", lateral_pack_get_filename (pack), error->message);
      add_problem (self, lateral_pack_get_filename (pack), error->message);
      g_ptr_array_remove_index (files, i);
    }
}

/* "pt_BR.UTF-8@euro" -> "pt-BR": a locale name as a language tag. */
static char *
locale_to_tag (const char *name)
{
  char *tag = g_strndup (name, strcspn (name, ".@"));

  g_strdelimit (tag, "_", '-');
  return tag;
}

/* The file in the first interface language that one exists in; else the
 * original (no translated_from), else the first found. */
static LateralPack *
choose_language (LateralPackRegistry *self,
                 GPtrArray           *files)
{
  const char * const *names = self->languages != NULL ? (const char * const *) self->languages
                                                      : g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = locale_to_tag (names[i]);
      LateralPack *pack;

      if (g_str_equal (tag, "C") || g_str_equal (tag, "POSIX") || tag[0] == '\0')
        continue;
      if ((pack = find_language (files, tag)) != NULL)
        return pack;
    }

  return find_original (files);
}

static void
add_problem (LateralPackRegistry *self,
             const char          *filename,
             const char          *message)
{
  g_ptr_array_add (self->problems, lateral_diagnostic_new (filename, 0, 0, "", message));
}

static void
scan_folder (LateralPackRegistry *self,
             const char          *folder,
             LateralPackOrigin    origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;

  /* Sorted, so which of two equal packs wins never depends on the disk. */
  names = lateral_json_list_files (folder, &error);
  if (names == NULL)
    {
      /* Most of these folders do not exist, and need not. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
          !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        {
          g_message ("Cannot list packs in %s: %s", folder, error->message);
          add_problem (self, folder, error->message);
        }
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(LateralPack) pack = NULL;

      pack = lateral_pack_load_file (path, &diagnostics, &load_error);
      if (pack == NULL)
        {
          g_message ("Skipping pack %s: %s", path, load_error->message);
          if (diagnostics != NULL && diagnostics->len > 0)
            g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&diagnostics));
          else
            add_problem (self, path, load_error->message);
          continue;
        }

      lateral_pack_set_origin (pack, origin);
      add_pack (self, pack);
    }
}

/**
 * lateral_pack_registry_load:
 *
 * Finds every pack again. Invalid packs are skipped, logged and kept as
 * problems (lateral_pack_registry_get_problems()).
 *
 * Returns: %FALSE with @error set if no folder holds a usable pack
 */
gboolean
lateral_pack_registry_load (LateralPackRegistry *self,
                            GError             **error)
{
  g_autofree char *builtin = lateral_pack_registry_get_builtin_dir ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "lateral", "packs", NULL);
  const char * const *system_dirs = g_get_system_data_dirs ();
  GHashTableIter iter;
  Entry *entry;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->problems, 0);

  scan_folder (self, builtin, LATERAL_PACK_ORIGIN_BUILTIN);
  scan_folder (self, user, LATERAL_PACK_ORIGIN_USER);
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *raw = g_build_filename (system_dirs[i], "lateral", "packs", NULL);
      g_autofree char *folder = g_canonicalize_filename (raw, NULL);

      /* Installed under /usr/share, the built-in folder is one of these. */
      if (g_str_equal (folder, builtin))
        continue;
      scan_folder (self, folder, LATERAL_PACK_ORIGIN_SYSTEM);
    }

  g_list_store_remove_all (self->packs);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      drop_disagreeing_translations (self, entry->files);
      entry->chosen = choose_language (self, entry->files);
      g_list_store_insert_sorted (self->packs, entry->chosen, compare_by_title, NULL);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->packs)) == 0 && self->problems->len > 0)
    {
      g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                   _("No usable pack: %u problems in the pack folders"), self->problems->len);
      return FALSE;
    }

  return TRUE;
}

/**
 * lateral_pack_registry_get_packs:
 *
 * Returns: (transfer none): a list of #LateralPack sorted by title
 */
GListModel *
lateral_pack_registry_get_packs (LateralPackRegistry *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->packs);
}

/**
 * lateral_pack_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the pack with this id, the highest
 *   version found, in the language shown (see the top of this file)
 */
LateralPack *
lateral_pack_registry_lookup (LateralPackRegistry *self,
                              const char          *id)
{
  Entry *entry;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  return entry != NULL ? entry->chosen : NULL;
}

/**
 * lateral_pack_registry_get_translations:
 *
 * Returns: (transfer none) (nullable) (element-type LateralPack): every
 *   language file of the version of @id in use, the one shown among them;
 *   %NULL for an unknown id
 */
GPtrArray *
lateral_pack_registry_get_translations (LateralPackRegistry *self,
                                        const char          *id)
{
  Entry *entry;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  return entry != NULL ? entry->files : NULL;
}

/**
 * lateral_pack_registry_lookup_language:
 *
 * Returns: (transfer none) (nullable): the file of @id in @language (a
 *   language tag such as es or pt-BR), or %NULL
 */
LateralPack *
lateral_pack_registry_lookup_language (LateralPackRegistry *self,
                                       const char          *id,
                                       const char          *language)
{
  Entry *entry;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  return entry != NULL ? find_language (entry->files, language) : NULL;
}

/**
 * lateral_pack_registry_find_by_hash:
 * @content_hash: a SHA-256 as lateral_pack_get_content_hash() gives
 *
 * A result names the exact file it was played with; any language file of
 * the version in use matches (results pool across languages).
 *
 * Returns: (transfer none) (nullable): the file with these bytes, or %NULL
 */
LateralPack *
lateral_pack_registry_find_by_hash (LateralPackRegistry *self,
                                    const char          *content_hash)
{
  GHashTableIter iter;
  Entry *entry;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);
  g_return_val_if_fail (content_hash != NULL, NULL);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      for (guint i = 0; i < entry->files->len; i++)
        {
          LateralPack *pack = g_ptr_array_index (entry->files, i);

          if (g_ascii_strcasecmp (lateral_pack_get_content_hash (pack), content_hash) == 0)
            return pack;
        }
    }
  return NULL;
}

/**
 * lateral_pack_registry_set_languages:
 * @languages: (nullable) (array zero-terminated=1): language names in order
 *   of preference, as g_get_language_names() gives them (es_ES.UTF-8, es,
 *   C); %NULL to follow the interface again
 *
 * For tests and for a language chosen in the app. Takes effect at the next
 * lateral_pack_registry_load().
 */
void
lateral_pack_registry_set_languages (LateralPackRegistry *self,
                                     const char * const  *languages)
{
  g_return_if_fail (LATERAL_IS_PACK_REGISTRY (self));

  g_clear_pointer (&self->languages, g_strfreev);
  self->languages = g_strdupv ((char **) languages);
}

/**
 * lateral_pack_registry_get_problems:
 *
 * Returns: (transfer none) (element-type LateralDiagnostic): why packs
 *   were skipped at the last load, for the UI
 */
GPtrArray *
lateral_pack_registry_get_problems (LateralPackRegistry *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);

  return self->problems;
}

/* lateral-pack-registry.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Packs come from three kinds of folders: the built-in one, the user's, and
 * school-wide ones under $XDG_DATA_DIRS. A school can ship a newer edition
 * of a built-in case, so the same id may appear twice: the higher version
 * wins and the other is logged, never dropped silently. Problems are logged
 * with g_message(), not g_warning(): a broken file in a shared folder is the
 * user's data, not a bug, and must not abort test programs that scan it.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-pack-private.h"
#include "lateral-pack-registry.h"

struct _LateralPackRegistry
{
  GObject     parent_instance;

  GListStore *packs;      /* of LateralPack, sorted by title */
  GHashTable *by_id;      /* id -> LateralPack, borrowed from packs */
  GPtrArray  *problems;   /* of LateralDiagnostic */
};

G_DEFINE_FINAL_TYPE (LateralPackRegistry, lateral_pack_registry, G_TYPE_OBJECT)

static void
lateral_pack_registry_finalize (GObject *object)
{
  LateralPackRegistry *self = (LateralPackRegistry *) object;

  g_clear_object (&self->packs);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

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
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
}

LateralPackRegistry *
lateral_pack_registry_new (void)
{
  return g_object_new (LATERAL_TYPE_PACK_REGISTRY, NULL);
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

static void
add_pack (LateralPackRegistry *self,
          LateralPack         *pack)
{
  const char *id = lateral_pack_get_id (pack);
  LateralPack *other = g_hash_table_lookup (self->by_id, id);
  LateralPack *winner = pack, *loser = other;

  if (other != NULL)
    {
      /* On a tie the earlier folder (built-in, then user's) keeps it. */
      if (lateral_version_compare (lateral_pack_get_version (pack),
                                   lateral_pack_get_version (other)) <= 0)
        {
          winner = other;
          loser = pack;
        }
      g_message ("Pack %s: using version %s from %s, not version %s from %s",
                 id, lateral_pack_get_version (winner), lateral_pack_get_filename (winner),
                 lateral_pack_get_version (loser), lateral_pack_get_filename (loser));
      if (winner == other)
        return;
    }

  g_hash_table_replace (self->by_id, g_strdup (id), g_object_ref (pack));
}

static void
add_problem (LateralPackRegistry *self,
             const char          *filename,
             const char          *message)
{
  g_ptr_array_add (self->problems, lateral_diagnostic_new (filename, 0, 0, "", message));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
scan_folder (LateralPackRegistry *self,
             const char          *folder,
             LateralPackOrigin    origin)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
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

  /* Sorted, so which of two equal packs wins never depends on the disk. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

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
  gpointer value;

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
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_list_store_insert_sorted (self->packs, value, compare_by_title, NULL);

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
 *   version found
 */
LateralPack *
lateral_pack_registry_lookup (LateralPackRegistry *self,
                              const char          *id)
{
  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
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

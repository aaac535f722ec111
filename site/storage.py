"""Media on S3-compatible object storage (AWS_STORAGE_BUCKET_NAME set), for several web nodes.

Two prefixes of one bucket, neither of them public by ACL:

- `media/` (the default storage): documents, original images, complaint and request
  attachments. Never public: documents are streamed by Django as attachments
  (WAGTAILDOCS_SERVE_METHOD = "serve_view"), attachments only through the admin's download
  views, and any URL the storage hands out is signed and expires (AWS_QUERYSTRING_EXPIRE).
- `renditions/`: the resized images pages show. Their URLs are plain (cached pages keep working),
  so the bucket policy makes this prefix readable (README: Production, scale-out); they are
  derived from images an editor published, never from a citizen's upload."""

from storages.backends.s3 import S3Storage


class PrivateMediaStorage(S3Storage):
    """Uploads, private: signed, expiring URLs; no ACL sent (buckets with ACLs disabled work)."""

    location = "media"
    default_acl = None
    querystring_auth = True
    file_overwrite = False
    # A CDN domain would serve unsigned URLs: never for private files.
    custom_domain = None


class RenditionStorage(S3Storage):
    """Image renditions: unsigned URLs under the public `renditions/` prefix."""

    location = "renditions"
    default_acl = None
    querystring_auth = False
    file_overwrite = False

'use strict';

// Stand-in for an object-storage client (S3, GCS): the shared place for files.
async function uploadToBucket(key, body) {
  const response = await fetch(`${process.env.BUCKET_URL}/${encodeURIComponent(key)}`, { method: 'PUT', body });
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
  return `${process.env.CDN_URL}/${key}`;
}

module.exports = { uploadToBucket };

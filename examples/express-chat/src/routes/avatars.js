'use strict';

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const express = require('express');
const multer = require('multer');
const sharp = require('sharp');
const { uploadToBucket } = require('../storage');

const router = express.Router();
const upload = multer({ dest: 'uploads/' });
// Correct: multer keeps these uploads in memory until they are streamed to the bucket.
const memoryUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2_000_000 } });

router.post('/avatar', upload.single('avatar'), async (req, res) => {
  const target = path.join(__dirname, '..', '..', 'public', 'avatars', `${req.session.user}.png`);
  await fsp.writeFile(target, await sharp(req.file.path).resize(128, 128).png().toBuffer());
  fs.appendFileSync(path.join(__dirname, 'avatars.log'), `${req.session.user} ${target}\n`);
  res.json({ url: `/avatars/${req.session.user}.png` });
});

// Correct: a scratch file under the OS temp directory, used within this request only.
router.post('/banner', memoryUpload.single('banner'), async (req, res) => {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'banner-'));
  const scratch = path.join(dir, 'banner.webp');
  await sharp(req.file.buffer).resize(1200, 300).webp().toFile(scratch);
  const url = await uploadToBucket(`banners/${req.session.user}.webp`, await fsp.readFile(scratch));
  await fsp.rm(dir, { recursive: true, force: true });
  res.json({ url });
});

module.exports = router;

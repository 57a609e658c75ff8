-- Where each frame's bytes lie in the stored file, so WADO-RS frame retrieval reads only those bytes instead of
-- parsing the whole object: offset and length pairs, frame by frame ({off1, len1, off2, len2, ...}), of the frame
-- in its stored encoding (native little-endian bytes, or the one fragment holding a compressed frame).
-- NULL for rows stored before this column existed and for objects whose frames are not one contiguous range
-- (deflated data sets, big endian, 1-bit samples, frames spread over several fragments): those are parsed.
ALTER TABLE instance ADD COLUMN frame_ranges BIGINT[];

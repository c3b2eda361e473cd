-- The embedded Web Chat channel's chats are no longer told by a service url ending in
-- /directline/connector/ (anyone could send one to /api/messages): they carry a mark only that
-- channel's own turns can store. Chats it created (its store has them) get the mark; any other
-- directline chat keeps its url and is an ordinary Bot Framework chat.
UPDATE conversation SET service_url = 'urn:campaignbot:directline-embedded'
WHERE channel_id = 'directline'
  AND conversation_id IN (SELECT id FROM directline_conversation);

UPDATE "calendar_years" SET "note" = '国务院办公厅公布的节假日安排（系统内置）' WHERE "note" = 'chinese-days 数据包';

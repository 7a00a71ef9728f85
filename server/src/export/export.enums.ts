import { registerEnumType } from 'type-graphql';

export enum ExportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  valuesConfig: {
    XLSX: { description: 'Excel workbook; opens in WeChat (Taro.openDocument fileType xlsx)' },
    CSV: { description: 'UTF-8 with a byte-order mark, so Excel shows the Chinese text' },
  },
});

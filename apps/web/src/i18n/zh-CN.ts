// Chinese (zh-CN) strings: the reference resource. en.ts must provide exactly the same keys
// (it is typed as `Messages`, so a missing or extra key fails `tsc`).
// Values are plain text; the few that take figures are functions returning text, never HTML.

export const zhCN = {
  app: {
    title: '长春市托育服务地图',
    skipToUnits: '跳到各区情况列表',
    loading: '正在加载…',
    retry: '重试',
    notFoundTitle: '页面不存在',
    notFoundBody: '没有找到这个页面。',
    backHome: '返回地图',
  },
  language: {
    // The switch shows the language it switches to, written in that language.
    switchTo: 'English',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    loadRegions: '区域数据加载失败。',
  },
  map: {
    ariaLabel: '长春市各县（市）区、开发区每千人口托位数地图',
    tilesUnavailable: '底图暂时无法加载，仅显示区界。',
    showUnits: '各区情况',
  },
  legend: {
    title: '每千人口托位数',
    target2025: '2025 年目标',
    target2035: '2035 年目标',
    belowTarget: '低于 2025 年目标',
  },
  region: {
    level: { district: '县（市）区', zone: '开发区', city: '全市' },
    population: '常住人口',
    places: '托位',
    placesPer1000: '每千人口托位',
    shortfall2025: '距 2025 年目标缺口',
    shortfall2035: '距 2035 年目标缺口',
    targetMet: '已达标',
  },
  units: {
    title: '各区情况',
    intro: (populationYear: number | null) =>
      `15 个监管单元（11 个县（市）区、4 个开发区）已登记托育机构的托位与目标对比。${populationYear ? `常住人口为 ${populationYear} 年数据。` : ''}`,
    unit: '单元',
    colPopulation: '常住人口',
    colPlaces: '托位',
    colPer1000: '每千人口托位',
    colShortfall2025: '距 2025 年目标缺口',
    cityTotal: '全市合计',
    updatedAt: (when: string) => `数据更新于 ${when}`,
    showOnMap: (name: string) => `在地图上显示${name}`,
    close: '关闭列表',
  },
};

export type Messages = typeof zhCN;

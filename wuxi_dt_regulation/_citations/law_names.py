"""The national laws as citations name them: short name → full title (刑法 → 中华人民共和国刑法).

Source and method.  The names are those of the national laws (法律) adopted by the National
People's Congress and its Standing Committee: the laws in force as the Standing Committee's
Legislative Affairs Commission lists them (现行有效法律目录, by sector: 宪法相关法, 民法商法,
行政法, 经济法, 社会法, 刑法, 诉讼与非诉讼程序法) and as the national database of laws and
regulations (国家法律法规数据库, flk.npc.gov.cn) titles them, to the end of 2024, plus the codes
repealed by the 民法典 (2021) and the foreign-investment laws repealed by 外商投资法 (2020), which
older judicial interpretations still cite.  The list was compiled by hand from those sources;
the library reads nothing over the network.

Every title is 中华人民共和国 + its short name, the way judicial interpretations and
implementing regulations cite a law without 《》 (民事诉讼法第五十九条), except where
:data:`_SPECIAL` says otherwise: a law whose title carries no 中华人民共和国 (反分裂国家法), and
the customary short names that are not the title minus 中华人民共和国 (选举法, 地方组织法 …).
Only national laws are listed: a local regulation is cited by its full title, and a short name
an instrument gives itself (（以下简称…）) or its caller passes is added at run time.
"""

from __future__ import annotations

__all__ = ["SHORT_TITLES"]

PRC = "中华人民共和国"

# In force, by sector (the order of 现行有效法律目录).
_IN_FORCE = """
宪法 全国人民代表大会组织法 国务院组织法 立法法 民族区域自治法 香港特别行政区基本法
澳门特别行政区基本法 香港特别行政区维护国家安全法 村民委员会组织法 城市居民委员会组织法
人民法院组织法 人民检察院组织法 法官法 检察官法 监察法 监察官法 公职人员政务处分法 国籍法
国旗法 国徽法 国歌法 集会游行示威法 戒严法 国家安全法 国防法 国家勋章和国家荣誉称号法
英雄烈士保护法 爱国主义教育法 对外关系法 外国国家豁免法 缔结条约程序法 领海及毗连区法
专属经济区和大陆架法 反外国制裁法 国家通用语言文字法 人民陪审员法 陆地国界法 驻外外交人员法
全国人民代表大会和地方各级人民代表大会选举法 全国人民代表大会和地方各级人民代表大会代表法
地方各级人民代表大会和地方各级人民政府组织法 各级人民代表大会常务委员会监督法
外国中央银行财产司法强制措施豁免法 引渡法 国际刑事司法协助法
民法典 公司法 合伙企业法 个人独资企业法 企业破产法 全民所有制工业企业法 乡镇企业法
农民专业合作社法 农村集体经济组织法 外商投资法 商业银行法 中国人民银行法 银行业监督管理法
证券法 证券投资基金法 期货和衍生品法 保险法 票据法 信托法 海商法 涉外民事关系法律适用法
电子签名法 电子商务法 招标投标法 政府采购法 拍卖法 商标法 专利法 著作权法
行政处罚法 行政许可法 行政强制法 行政复议法 行政诉讼法 国家赔偿法 治安管理处罚法 公务员法
道路交通安全法 居民身份证法 出境入境管理法 护照法 消防法 突发事件应对法 禁毒法 枪支管理法
人民警察法 人民武装警察法 海警法 兵役法 军事设施保护法 国防教育法 国防动员法 国防交通法
人民防空法 军人地位和权益保障法 退役军人保障法 军人保险法 现役军官法 预备役人员法
国家情报法 反间谍法 反恐怖主义法 网络安全法 数据安全法 个人信息保护法 密码法 保守国家秘密法
核安全法 生物安全法 出口管制法 境外非政府组织境内活动管理法 档案法 统计法 审计法
教育法 高等教育法 义务教育法 职业教育法 学前教育法 学位法 教师法 民办教育促进法
家庭教育促进法 科学技术进步法 促进科技成果转化法 科学技术普及法 体育法 文物保护法
非物质文化遗产法 公共文化服务保障法 公共图书馆法 电影产业促进法 药品管理法 疫苗管理法
传染病防治法 基本医疗卫生与健康促进法 医师法 中医药法 精神卫生法 献血法 母婴保健法
人口与计划生育法 食品安全法 国境卫生检疫法 动物防疫法 进出境动植物检疫法 职业病防治法
环境保护法 环境影响评价法 大气污染防治法 水污染防治法 土壤污染防治法 固体废物污染环境防治法
噪声污染防治法 放射性污染防治法 海洋环境保护法 清洁生产促进法 循环经济促进法 节约能源法
可再生能源法 能源法 矿产资源法 煤炭法 电力法 石油天然气管道保护法 水法 防洪法 水土保持法
森林法 草原法 渔业法 野生动物保护法 湿地保护法 长江保护法 黄河保护法 黑土地保护法
青藏高原生态保护法 防沙治沙法 气象法 防震减灾法 测绘法 海域使用管理法 海岛保护法
深海海底区域资源勘探开发法 城乡规划法 建筑法 城市房地产管理法 土地管理法 农村土地承包法
农村土地承包经营纠纷调解仲裁法 公路法 铁路法 民用航空法 港口法 航道法 海上交通安全法 邮政法
安全生产法 矿山安全法 特种设备安全法 标准化法 计量法 进出口商品检验法 海关法 农业法 种子法
农产品质量安全法 农业技术推广法 农业机械化促进法 畜牧法 粮食安全保障法 乡村振兴促进法
海南自由贸易港法 预算法 会计法 注册会计师法 资产评估法 价格法 广告法 反垄断法 反不正当竞争法
消费者权益保护法 产品质量法 对外贸易法 反洗钱法 反电信网络诈骗法 中小企业促进法
企业国有资产法 旅游法 烟草专卖法 反食品浪费法 税收征收管理法 个人所得税法 企业所得税法
增值税法 关税法 车船税法 车辆购置税法 耕地占用税法 资源税法 城市维护建设税法 契税法 印花税法
烟叶税法 船舶吨税法 环境保护税法 劳动法 劳动合同法 劳动争议调解仲裁法 就业促进法 社会保险法
工会法 妇女权益保障法 未成年人保护法 预防未成年人犯罪法 老年人权益保障法 残疾人保障法
反家庭暴力法 慈善法 红十字会法 公益事业捐赠法 无障碍环境建设法 归侨侨眷权益保护法 监狱法
社区矫正法 刑法 反有组织犯罪法 刑事诉讼法 民事诉讼法 海事诉讼特别程序法 仲裁法 人民调解法
律师法 公证法 法律援助法
"""

# Repealed, still cited by the judicial interpretations written under them: the civil laws the
# 民法典 replaced on 2021-01-01, the three foreign-investment laws 外商投资法 replaced on
# 2020-01-01, the contract laws 合同法 replaced in 1999, and others since replaced.
_REPEALED = """
民法通则 民法总则 合同法 物权法 担保法 侵权责任法 婚姻法 继承法 收养法
中外合资经营企业法 中外合作经营企业法 外资企业法 经济合同法 涉外经济合同法 技术合同法
行政监察法 执业医师法 城市规划法
"""

# Titles that are not 中华人民共和国 + the short name, and customary short names.
_SPECIAL = {
    "反分裂国家法": "反分裂国家法",
    "选举法": PRC + "全国人民代表大会和地方各级人民代表大会选举法",
    "代表法": PRC + "全国人民代表大会和地方各级人民代表大会代表法",
    "地方组织法": PRC + "地方各级人民代表大会和地方各级人民政府组织法",
    "监督法": PRC + "各级人民代表大会常务委员会监督法",
    "香港基本法": PRC + "香港特别行政区基本法",
    "澳门基本法": PRC + "澳门特别行政区基本法",
    "香港国安法": PRC + "香港特别行政区维护国家安全法",
    "人民银行法": PRC + "中国人民银行法",
}

#: Short name → full title, for every law above; the full titles map to themselves.
SHORT_TITLES: dict[str, str] = {}
for _name in (_IN_FORCE + _REPEALED).split():
    SHORT_TITLES[_name] = SHORT_TITLES[PRC + _name] = PRC + _name
for _name, _title in _SPECIAL.items():
    SHORT_TITLES[_name] = SHORT_TITLES[_title] = _title
del _name, _title
